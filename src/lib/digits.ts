/** Returns the number that the ASCII digits s[a, b) write, or -1 when there are none or one is not a digit. */
export function digitsAt(s: string, a: number, b: number): number {
  if (a >= b) return -1;
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}
