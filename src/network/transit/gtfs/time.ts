const timeForm = /^\s*(\d{1,3}):([0-5]\d):([0-5]\d)\s*$/;

/**
 * A GTFS time (H:MM:SS or HH:MM:SS, hours past 24 for trips running after midnight) in seconds after
 * the start of the service day; undefined when not in that form.
 */
export const parseGtfsTime = (value: string): number | undefined => {
  const m = timeForm.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
};

export const formatGtfsTime = (seconds: number): string => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
};

const dateForm = /^(\d{4})(\d{2})(\d{2})$/;

/** A GTFS date (YYYYMMDD) that exists in the calendar; undefined otherwise. */
export const parseGtfsDate = (value: string): string | undefined => {
  const v = value.trim();
  const m = dateForm.exec(v);
  if (!m) return undefined;
  const d = new Date(Date.UTC(+(m[1] as string), +(m[2] as string) - 1, +(m[3] as string)));
  if (d.getUTCFullYear() !== +(m[1] as string) || d.getUTCMonth() !== +(m[2] as string) - 1) return undefined;
  if (d.getUTCDate() !== +(m[3] as string)) return undefined;
  return v;
};
