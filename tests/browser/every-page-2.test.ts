// Half of the built pages (every-page.ts says what each is checked for); the other half in every-page-1.test.ts.
import { checkEveryPage } from './every-page.ts';

checkEveryPage(1, 2);
