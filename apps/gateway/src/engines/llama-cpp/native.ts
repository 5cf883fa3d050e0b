/**
 * node-llama-cpp, imported on first use: its JavaScript alone adds about 30 MB to a process that
 * serves only upstream models. (It brings signal-exit, whose SIGTERM listener re-raises the signal
 * when it finds no other listener; server.ts keeps a permanent listener, so that never happens.)
 */
export type NodeLlamaCpp = typeof import('node-llama-cpp');

let nodeLlamaCpp: Promise<NodeLlamaCpp> | null = null;

export function loadNodeLlamaCpp(): Promise<NodeLlamaCpp> {
  nodeLlamaCpp ??= import('node-llama-cpp');
  return nodeLlamaCpp;
}
