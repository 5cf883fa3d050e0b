/** Engine `whisper` (speech to text in this process): see engine.ts. */
export { WhisperEngine, promptTail, WHISPER_PROMPT_CHARS } from './engine.js';
export { whisperBinding, whisperInstalled } from './binding.js';
