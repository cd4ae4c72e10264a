/**
 * The station's sounds: a short high tick for a good scan, a long low buzz for a refusal, loud
 * enough to hear over a packing line without looking at the screen. WebAudio, no sound files.
 */
let context: AudioContext | null = null;

function tone(frequency: number, seconds: number, type: OscillatorType): void {
  try {
    context ??= new AudioContext();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = type;
    oscillator.frequency.value = frequency;
    gain.gain.value = 0.25;
    oscillator.connect(gain).connect(context.destination);
    oscillator.start();
    oscillator.stop(context.currentTime + seconds);
  } catch {
    // No audio device (a headless test, a muted kiosk): the screen still says it in red.
  }
}

export const beepAccepted = () => tone(1_760, 0.08, 'sine');
export const beepRefused = () => tone(220, 0.6, 'square');
