/** A small seeded generator (mulberry32): the same seed gives the same history shape. */
export type Rng = () => number;

export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const pick = <T>(rng: Rng, values: readonly T[]): T => values[Math.floor(rng() * values.length)];

/** An integer in [min, max]. */
export const between = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

// Invented names built from common Vietnamese name parts: never a real record.
export const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
export const MIDDLE = ['Thị', 'Văn', 'Hữu', 'Minh', 'Ngọc', 'Thu', 'Đức', 'Thanh'];
export const GIVEN = ['Lan', 'Hoa', 'Mai', 'Hương', 'Linh', 'Trang', 'Nam', 'Hùng', 'Dũng', 'Thảo', 'Vân', 'Yến'];
