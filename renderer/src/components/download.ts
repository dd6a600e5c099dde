/** Saves text as a file through the browser's download (the window works offline and from file://). */
export function downloadText(text: string, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // The click starts the download synchronously; the URL can go once the browser has read it.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
