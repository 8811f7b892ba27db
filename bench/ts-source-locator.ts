import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { decodeMappings, originalLineAt, type Segment } from './generated-line-map.js';

/**
 * Maps a position in a TypeScript file as tsx ran it back to the source line. tsx compiles
 * each file with esbuild into one long line (minified whitespace), so a CPU profile says
 * `file.ts:1` for everything; compiling the file again with tsx's esbuild options gives the
 * same code and its source map. esbuild comes with tsx (a dev dependency).
 */
export class TsSourceLocator {
  private readonly maps = new Map<string, Segment[][] | null>();

  /** 1-based source line, or undefined when the file is not TypeScript or will not compile. */
  sourceLine(url: string, line0: number, column0: number): number | undefined {
    if (!url.startsWith('file://') || !url.endsWith('.ts')) return undefined;
    const lines = this.mapOf(fileURLToPath(url));
    const original = lines ? originalLineAt(lines, line0, column0) : undefined;
    return original === undefined ? undefined : original + 1;
  }

  private mapOf(file: string): Segment[][] | null {
    let m = this.maps.get(file);
    if (m === undefined) {
      try {
        // The options tsx 4 passes to esbuild for a .ts file.
        const out = transformSync(readFileSync(file, 'utf8'), { target: `node${process.versions.node}`, loader: 'ts', format: 'esm', sourcemap: true, minifyWhitespace: true, keepNames: true, sourcefile: file });
        m = decodeMappings((JSON.parse(out.map) as { mappings: string }).mappings);
      } catch {
        m = null;
      }
      this.maps.set(file, m);
    }
    return m;
  }
}
