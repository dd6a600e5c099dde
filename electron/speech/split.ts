// Audio longer than the service takes in one request is cut into pieces, each at the quietest moment near the
// end of its allowance (a pause between words), or as late as allowed when there is no pause at all.

/** Baidu's short speech recognition takes at most 60 s; pieces stay under 55 s to leave a margin. */
export const MAX_PIECE_SECONDS = 55
/** Look for a pause in the last this-many seconds of each piece. */
const SEARCH_SECONDS = 15
const FRAME_MS = 20
/** A pause is judged over this many frames (200 ms), so one quiet frame inside a word is not taken for it. */
const PAUSE_FRAMES = 10

function frameEnergies(pcm: Int16Array, frameLength: number): Float64Array {
  const frames = new Float64Array(Math.ceil(pcm.length / frameLength))
  for (let frame = 0; frame < frames.length; frame++) {
    let sum = 0
    const end = Math.min(pcm.length, (frame + 1) * frameLength)
    for (let index = frame * frameLength; index < end; index++) sum += pcm[index]! * pcm[index]!
    frames[frame] = sum
  }
  return frames
}

/** Splits 16-bit mono PCM into pieces of at most maxSeconds, in order; short audio comes back whole. */
export function splitAtPauses(pcm: Int16Array, sampleRate: number, maxSeconds = MAX_PIECE_SECONDS): Int16Array[] {
  const maxSamples = Math.floor(maxSeconds * sampleRate)
  if (pcm.length <= maxSamples) return [pcm]
  const frameLength = Math.round((sampleRate * FRAME_MS) / 1000)
  const energies = frameEnergies(pcm, frameLength)
  const maxFrames = Math.floor(maxSamples / frameLength)
  const searchFrames = Math.min(maxFrames - PAUSE_FRAMES, Math.floor((SEARCH_SECONDS * 1000) / FRAME_MS))
  const pieces: Int16Array[] = []
  let startFrame = 0
  while ((energies.length - startFrame) * frameLength > maxSamples) {
    const lastEnd = startFrame + maxFrames
    // The quietest window of PAUSE_FRAMES frames ending within the search range; the cut goes in its middle.
    let window = 0
    for (let frame = lastEnd - searchFrames - PAUSE_FRAMES; frame < lastEnd - searchFrames; frame++) window += energies[frame]!
    let quietest = window
    let cutFrame = lastEnd - searchFrames - PAUSE_FRAMES / 2
    for (let end = lastEnd - searchFrames; end < lastEnd; end++) {
      window += energies[end]! - energies[end - PAUSE_FRAMES]!
      // `<=`: among equally quiet places the latest wins, so pieces stay long and few.
      if (window <= quietest) {
        quietest = window
        cutFrame = end + 1 - PAUSE_FRAMES / 2
      }
    }
    pieces.push(pcm.subarray(startFrame * frameLength, cutFrame * frameLength))
    startFrame = cutFrame
  }
  pieces.push(pcm.subarray(startFrame * frameLength))
  return pieces
}
