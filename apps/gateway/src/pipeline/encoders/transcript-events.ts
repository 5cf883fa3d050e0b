/**
 * Transcripts: `transcript.text.delta` events then `transcript.text.done` on a stream; or the
 * answer in the requested format (json, text, srt, vtt, verbose_json).
 */
import { gzipSync } from 'node:zlib';
import type { TranscriptSegment } from '../../engines/types.js';
import type { ChoiceText } from '../output-guardrails.js';
import { PlainText, type Encoder } from '../run.js';

export type TranscriptFormat = 'json' | 'text' | 'srt' | 'vtt' | 'verbose_json';

/** One piece of a transcript: a segment, or (segment null) the end, with the language heard. */
export interface TranscriptPiece {
  segment: TranscriptSegment | null;
  text: string;
  finish: string | null;
  language?: string;
}

/** How output guardrails read and rewrite a transcript piece. */
export const transcriptText: ChoiceText<TranscriptPiece> = {
  index: () => 0,
  text: (p) => p.text,
  finish: (p) => p.finish,
  rewrite: (p, text, finish) => (!text && p.text && !finish ? null : Object.assign({}, p, { text, finish })),
};

/** whisper's languages, ISO-639-1 code to the English name OpenAI reports in verbose_json. */
export const LANGUAGES: Record<string, string> = Object.fromEntries(
  (
    'en english,zh chinese,de german,es spanish,ru russian,ko korean,fr french,ja japanese,pt portuguese,tr turkish,pl polish,ca catalan,nl dutch,' +
    'ar arabic,sv swedish,it italian,id indonesian,hi hindi,fi finnish,vi vietnamese,he hebrew,uk ukrainian,el greek,ms malay,cs czech,ro romanian,' +
    'da danish,hu hungarian,ta tamil,no norwegian,th thai,ur urdu,hr croatian,bg bulgarian,lt lithuanian,la latin,mi maori,ml malayalam,cy welsh,' +
    'sk slovak,te telugu,fa persian,lv latvian,bn bengali,sr serbian,az azerbaijani,sl slovenian,kn kannada,et estonian,mk macedonian,br breton,' +
    'eu basque,is icelandic,hy armenian,ne nepali,mn mongolian,bs bosnian,kk kazakh,sq albanian,sw swahili,gl galician,mr marathi,pa punjabi,' +
    'si sinhala,km khmer,sn shona,yo yoruba,so somali,af afrikaans,oc occitan,ka georgian,be belarusian,tg tajik,sd sindhi,gu gujarati,am amharic,' +
    'yi yiddish,lo lao,uz uzbek,fo faroese,ht haitian creole,ps pashto,tk turkmen,nn nynorsk,mt maltese,sa sanskrit,lb luxembourgish,my myanmar,' +
    'bo tibetan,tl tagalog,mg malagasy,as assamese,tt tatar,haw hawaiian,ln lingala,ha hausa,ba bashkir,jw javanese,su sundanese,yue cantonese'
  )
    .split(',')
    .map((p) => [p.slice(0, p.indexOf(' ')), p.slice(p.indexOf(' ') + 1)]),
);


export interface TranscriptOptions {
  task: 'transcribe' | 'translate';
  format: TranscriptFormat;
  granularities: string[];
  /** The language asked for; else the one the engine detected. */
  language: string | undefined;
  temperature: number | undefined;
  /** Seconds of audio (known once it is decoded). */
  duration(): number;
}

export function transcriptEvents(o: TranscriptOptions): Encoder<TranscriptPiece> {
  const segments: TranscriptSegment[] = [];
  let detected = o.language ?? 'en';
  // The deltas, concatenated, are exactly the final (trimmed) text: the leading space of the
  // first segment is dropped, and trailing white space waits for the text that follows it.
  let spoken = false;
  let pendingSpace = '';
  const delta = (t: string): string => {
    const d = pendingSpace + (spoken ? t : t.trimStart());
    const body = d.trimEnd();
    pendingSpace = d.slice(body.length);
    if (body) spoken = true;
    return body;
  };
  return {
    open: () => {},
    piece(p, out) {
      if (p.language) detected = p.language;
      if (p.segment) segments.push({ ...p.segment, text: p.text });
      // What the output filter held back until the end goes to the last segment (or one spanning the audio).
      else if (p.text && segments.length) segments.at(-1)!.text += p.text;
      else if (p.text) segments.push({ start: 0, end: o.duration(), text: p.text });
      const d = out && p.text ? delta(p.text) : '';
      return out && d ? out.send({ type: 'transcript.text.delta', delta: d }) : true;
    },
    async close(_usage, out) {
      const text = segments.map((s) => s.text).join('').trim();
      if (out) {
        out.send({ type: 'transcript.text.done', text });
        out.end();
        return null;
      }
      const usage = { type: 'duration', seconds: round(o.duration(), 3) };
      if (o.format === 'text') return new PlainText(text + '\n');
      if (o.format === 'srt' || o.format === 'vtt') return new PlainText(subtitles(segments, o.format));
      if (o.format === 'json') return o.task === 'transcribe' ? { text, usage } : { text };
      const verbose: Record<string, unknown> = {
        task: o.task,
        language: o.task === 'translate' ? 'english' : (LANGUAGES[detected] ?? detected),
        duration: round(o.duration(), 3),
        text,
      };
      if (o.granularities.includes('word')) verbose.words = words(segments);
      if (!o.granularities.length || o.granularities.includes('segment')) {
        verbose.segments = segments.map((s, id) => ({
          id,
          seek: Math.floor(s.start / 30) * 3000,
          start: round(s.start, 2),
          end: round(s.end, 2),
          text: s.text,
          // The whisper.cpp binding reports neither token ids nor log probabilities per segment.
          tokens: [],
          temperature: o.temperature ?? 0,
          avg_logprob: 0,
          compression_ratio: round(compressionRatio(s.text), 3),
          no_speech_prob: 0,
        }));
      }
      if (o.task === 'transcribe') verbose.usage = usage;
      return verbose;
    },
    fail(err, out) {
      out.fail(err);
    },
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** zlib's ratio, as whisper computes it: text bytes over compressed bytes. */
function compressionRatio(text: string): number {
  const raw = Buffer.from(text);
  return raw.length ? raw.length / gzipSync(raw).length : 0;
}

function timestamp(t: number, sep: ',' | '.'): string {
  const ms = Math.round(t * 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(Math.floor(ms / 3600000))}:${p(Math.floor(ms / 60000) % 60)}:${p(Math.floor(ms / 1000) % 60)}${sep}${p(ms % 1000, 3)}`;
}

export function subtitles(segments: TranscriptSegment[], format: 'srt' | 'vtt'): string {
  const cues = segments.filter((s) => s.text.trim()).map((s, i) => {
    const sep = format === 'srt' ? ',' : '.';
    return `${format === 'srt' ? `${i + 1}\n` : ''}${timestamp(s.start, sep)} --> ${timestamp(s.end, sep)}\n${s.text.trim()}\n`;
  });
  return (format === 'vtt' ? 'WEBVTT\n\n' : '') + cues.join('\n');
}

/** Word timings, estimated: each segment's time shared among its words by their length. */
function words(segments: TranscriptSegment[]): Array<{ word: string; start: number; end: number }> {
  const out: Array<{ word: string; start: number; end: number }> = [];
  for (const s of segments) {
    const ws = s.text.trim().split(/\s+/).filter(Boolean);
    const total = ws.reduce((n, w) => n + w.length, 0) || 1;
    let t = s.start;
    for (const w of ws) {
      const d = ((s.end - s.start) * w.length) / total;
      out.push({ word: w, start: round(t, 2), end: round(t + d, 2) });
      t += d;
    }
  }
  return out;
}

