// The print button needs JavaScript, so it stays hidden until this script can make it work.
for (const button of document.querySelectorAll<HTMLButtonElement>('.print-button')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
