import { HEADER } from './memory-source.ts';

/**
 * Three snapshot dates, every figure worked out by hand:
 * - 31.3.: alpha A1 5 + A2 2,5 + A3 1 = 8,5; beta B1 0.1 + B2 0.2 = 0,3; reported 8,8. First exports.
 * - 30.6.: alpha A1 4 (credits corrected), A2 on 11.2. (date corrected), A3 gone (withdrawn), A4 10
 *   (added) = 16,5; beta B1, B2, B3 3 (added) = 3,3; reported 19,8 (+11). Added 2, withdrawn 1, corrected 2.
 * - 15.7.: beta only: B1, B3 on 2.7. (date corrected), B2 gone (withdrawn), B4 1 (added) = 4,1;
 *   alpha still 16,5; reported 20,6 (+0,8, exactly). Added 1, withdrawn 1, corrected 1.
 */
export const CHANGING_SNAPSHOTS: Record<string, string> = {
  '2023-03-31/alpha.csv': [HEADER, 'A1,2023-01-15,C1,K,1,5,L1', 'A2,2023-02-10,C2,K,2,"2,5",L2', 'A3,2023-03-20,C3,K,1,1,L1'].join('\n'),
  '2023-03-31/beta.csv': [HEADER, 'B1,2023-03-01,C9,K,2,0.1,L9', 'B2,2023-03-02,C9,K,2,0.2,L8'].join('\n'),
  '2023-06-30/alpha.csv': [HEADER, 'A1,2023-01-15,C1,K,1,4,L1', 'A2,11.2.2023,C2,K,2,"2,5",L2', 'A4,2023-06-01,C4,K,1,10,L3'].join('\n'),
  '2023-06-30/beta.csv': [HEADER, 'B1,2023-03-01,C9,K,2,0.1,L9', 'B2,2023-03-02,C9,K,2,0.2,L8', 'B3,2023-06-01,C9,K,2,3,L7'].join('\n'),
  '2023-07-15/beta.csv': [HEADER, 'B1,2023-03-01,C9,K,2,0.1,L9', 'B3,2023-07-02,C9,K,2,3,L7', 'B4,2023-07-10,C9,K,1,1,L6'].join('\n'),
};
