// The print button needs JavaScript: it keeps its place (so nothing shifts) but stays invisible
// and disabled until this script can make it work.
for (const button of document.querySelectorAll<HTMLButtonElement>('.print-button')) {
  button.disabled = false;
  button.classList.add('ready');
  button.addEventListener('click', () => window.print());
}
