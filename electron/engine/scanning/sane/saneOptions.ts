/**
 * Reads what `scanimage -d DEVICE -A` prints about a device's options. Backends name things
 * differently (`Gray`/`Grayscale`/`8bit Gray`, `ADF`/`Automatic Document Feeder`/`ADF Duplex`/
 * `ADF Front`, a `--duplex` switch or an `--adf-mode Duplex` option), so the raw option is kept
 * beside our reading of it and the argument builder picks the device's own words.
 */
import type { DeviceCapabilities } from '../types';

export interface SaneOption {
  /** Without dashes: `resolution`, `source`, `x`. */
  name: string;
  /** Discrete values (`Flatbed|ADF`), without the unit. */
  values: string[] | null;
  /** `1..1200` (with an optional step). */
  range: { min: number; max: number; step: number | null } | null;
  unit: string;
  /** The current value as printed, or null when inactive. */
  current: string | null;
  inactive: boolean;
  isBool: boolean;
}

const UNITS = ['dpi', 'mm', '%', 'pel', 'bit', 'us'];
const OPTION_LINE = /^ {4}(--?[A-Za-z0-9][\w-]*)(\[=\((.*?)\)\])?(.*)$/;

function stripUnit(text: string): { value: string; unit: string } {
  for (const unit of UNITS) if (text.endsWith(unit)) return { value: text.slice(0, -unit.length), unit };
  return { value: text, unit: '' };
}

/** Parses the option lines; descriptions and group headings are skipped. */
export function parseSaneOptions(text: string): SaneOption[] {
  const options: SaneOption[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = OPTION_LINE.exec(line);
    if (!m) continue;
    const name = m[1]!.replace(/^-+/, '');
    const isBool = m[2] !== undefined;
    let rest = m[4]!.trim();
    // Trailing bracket groups: the current value first, then flags such as [advanced].
    const brackets: string[] = [];
    for (;;) {
      const b = /\s*\[([^\]]*)\]$/.exec(rest);
      if (!b) break;
      brackets.unshift(b[1]!);
      rest = rest.slice(0, b.index).trim();
    }
    const current = brackets[0] ?? null;
    const inactive = brackets.includes('inactive');
    let values: string[] | null = null;
    let range: SaneOption['range'] = null;
    let unit = '';
    const constraint = rest.replace(/\s*\(in steps of [^)]*\)/, '');
    const step = /\(in steps of ([\d.]+)\)/.exec(rest);
    const r = /^(-?[\d.]+)\.\.(-?[\d.]+)([a-z%]*)(,\.\.\.)?$/.exec(constraint);
    if (r) {
      range = { min: Number(r[1]), max: Number(r[2]), step: step ? Number(step[1]) : null };
      unit = r[3] ?? '';
    } else if (constraint.includes('|') && !constraint.startsWith('<')) {
      const parts = constraint.split('|');
      const last = stripUnit(parts[parts.length - 1]!);
      unit = last.unit;
      values = [...parts.slice(0, -1), last.value].map((v) => v.trim());
    } else if (isBool) {
      values = ['yes', 'no'];
    }
    options.push({
      name,
      values,
      range,
      unit,
      current: inactive && current === 'inactive' ? null : current,
      inactive,
      isBool,
    });
  }
  return options;
}

export const FLATBED = /flatbed|platen|document table|glass/i;
export const FEEDER = /adf|feeder|automatic document/i;
export const DUPLEX = /duplex/i;
export const GREY_MODE = /gr[ae]y|grayscale/i;
export const COLOUR_MODE = /colou?r|rgb/i;
export const LINEART_MODE = /lineart|binary|black ?(&|and) ?white|halftone|mono/i;

export function findOption(options: SaneOption[], name: string): SaneOption | undefined {
  return options.find((o) => o.name === name);
}

/** Our reading of a device's options: which sources, duplex, colour modes, resolutions, area. */
export function capabilitiesFrom(device: string, options: SaneOption[]): DeviceCapabilities {
  const source = findOption(options, 'source');
  const sourceValues = source?.values ?? [];
  const sources: DeviceCapabilities['sources'] = [];
  if (sourceValues.length === 0 || sourceValues.some((v) => FLATBED.test(v))) sources.push('flatbed');
  if (sourceValues.some((v) => FEEDER.test(v) || DUPLEX.test(v))) sources.push('adf');
  const adfMode = findOption(options, 'adf-mode');
  const duplex =
    sourceValues.some((v) => DUPLEX.test(v)) ||
    Boolean(findOption(options, 'duplex')) ||
    Boolean(adfMode?.values?.some((v) => DUPLEX.test(v)));

  const modes = findOption(options, 'mode')?.values ?? [];
  const colourModes: DeviceCapabilities['colourModes'] = [];
  if (modes.some((m) => GREY_MODE.test(m))) colourModes.push('grey');
  if (modes.some((m) => COLOUR_MODE.test(m))) colourModes.push('colour');
  if (modes.some((m) => LINEART_MODE.test(m))) colourModes.push('lineart');

  const resolution = findOption(options, 'resolution') ?? findOption(options, 'x-resolution');
  const resolutions = (resolution?.values ?? []).map(Number).filter((n) => Number.isFinite(n) && n > 0);
  const x = findOption(options, 'x');
  const y = findOption(options, 'y');
  return {
    device,
    sources,
    duplex,
    colourModes,
    resolutions,
    resolutionRange: resolution?.range ? { min: resolution.range.min, max: resolution.range.max } : null,
    maxWidthMm: x?.range && x.unit === 'mm' ? x.range.max : null,
    maxHeightMm: y?.range && y.unit === 'mm' ? y.range.max : null,
    optionNames: options.map((o) => o.name),
  };
}
