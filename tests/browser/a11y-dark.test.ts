// The templates in the dark scheme at 1280 px (a11y-templates.ts).
import { checkTemplatesWithAxe } from './a11y-templates.ts';

checkTemplatesWithAxe('dark');
