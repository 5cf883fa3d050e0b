/**
 * whisper.cpp through the prebuilt N-API binding that @fugood/whisper.node publishes per platform
 * (`@fugood/node-whisper-<platform>-<arch>`, the CPU build; its CUDA and Vulkan variants are not
 * installed). It is loaded with the first whisper model, not at gateway start.
 */
import { createRequire } from 'node:module';

export interface NativeContext {
  transcribeData(audio: ArrayBuffer, opts: Record<string, unknown>): { stop(): Promise<void>; promise: Promise<NativeResult> };
  release(): Promise<void>;
}
export interface NativeSegment {
  text: string;
  t0: number; // ms
  t1: number;
}
interface NativeResult {
  result: string;
  language?: string;
  segments: NativeSegment[];
  isAborted: boolean;
}
interface NativeModule {
  WhisperContext: new (o: { filePath: string; useGpu: boolean }) => NativeContext | Promise<NativeContext>;
}

export const bindingName = `@fugood/node-whisper-${process.platform}-${process.arch}`;
let binding: NativeModule | null | undefined;

/** Is a binding installed for this platform? (Resolved, not loaded: loading costs memory.) */
export function whisperInstalled(): boolean {
  if (binding !== undefined) return binding !== null;
  try {
    createRequire(import.meta.url).resolve(bindingName);
    return true;
  } catch {
    return false;
  }
}

/** The native binding, loaded on first use; null when this platform has none installed. */
export function whisperBinding(): NativeModule | null {
  if (binding === undefined) {
    try {
      binding = createRequire(import.meta.url)(bindingName) as NativeModule;
    } catch {
      binding = null;
    }
  }
  return binding;
}
