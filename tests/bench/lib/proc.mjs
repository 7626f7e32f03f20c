// Run a child process without blocking the event loop (the static server keeps
// serving while Lighthouse or the build runs) and collect its output.
import { spawn } from 'node:child_process';

export function runProcess(command, args, { cwd, env, timeoutMs = 0, onLine } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let timer = null;
    if (timeoutMs > 0) {
      timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, timeoutMs);
    }
    const lines = (chunk) => {
      if (!onLine) return;
      for (const line of chunk.split('\n')) if (line.trim()) onLine(line);
    };
    child.stdout.setEncoding('utf8').on('data', (c) => {
      stdout += c;
      lines(c);
    });
    child.stderr.setEncoding('utf8').on('data', (c) => {
      stderr += c;
      lines(c);
    });
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      resolve({ code: null, signal: null, stdout, stderr: `${stderr}${error.message}`, ms: performance.now() - started, timedOut, error });
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, timedOut });
    });
  });
}

/** The last `n` lines of a text, for error messages. */
export function tail(text, n = 20) {
  return String(text ?? '').trimEnd().split('\n').slice(-n).join('\n');
}
