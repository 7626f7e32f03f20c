// The machine and tool versions a report was measured with.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const require = createRequire(import.meta.url);

function pkgVersion(name) {
  try {
    return require(`${name}/package.json`).version;
  } catch {
    // A package whose exports do not list package.json: read it next to its entry point.
    try {
      let dir = dirname(fileURLToPath(import.meta.resolve(name)));
      while (dir !== dirname(dir)) {
        const file = join(dir, 'package.json');
        if (existsSync(file)) {
          const pkg = JSON.parse(readFileSync(file, 'utf8'));
          if (pkg.name === name) return pkg.version;
        }
        dir = dirname(dir);
      }
    } catch {
      /* not installed */
    }
    return null;
  }
}

function git(root, args) {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function loadAverage() {
  return os.loadavg().map((v) => Math.round(v * 100) / 100);
}

export function environment(root, chromiumVersion, loadAtStart = null) {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    chromium: chromiumVersion,
    cpuCount: cpus.length,
    availableParallelism: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? null,
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    // 1/5/15-minute load averages when the run started and ended: other work on
    // the machine makes the timings noisier.
    loadAverage: { start: loadAtStart, end: loadAverage() },
    versions: {
      astro: pkgVersion('astro'),
      lighthouse: pkgVersion('lighthouse'),
      playwright: pkgVersion('@playwright/test'),
      preact: pkgVersion('preact'),
      starlight: pkgVersion('@astrojs/starlight'),
    },
    git: {
      commit: git(root, ['rev-parse', '--short=10', 'HEAD']),
      uncommittedChanges: (git(root, ['status', '--porcelain']) ?? '') !== '',
    },
  };
}
