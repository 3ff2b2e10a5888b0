// The templates at 320 CSS px, light (a11y-templates.ts).
import { checkTemplatesWithAxe } from './a11y-templates.ts';

checkTemplatesWithAxe('320px');
