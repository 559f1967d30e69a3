// Saving a file from the page (the console's output, the timeline's trace).

/** Offer `parts` (strings) to the user as a download named `name`. */
export function saveFile(name, parts, type) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob(parts, { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
