import { encodeCode128, QUIET_ZONE_MODULES } from '../../shared/barcode/code128';

interface Props {
  value: string;
  /**
   * Narrowest bar in mm. 0.381 mm (15 mil) is a common Code 128 X-dimension that laser and
   * handheld scanners read from arm's length, and 3 px exactly at 200 dpi.
   */
  moduleMm?: number;
  heightMm?: number;
}

/**
 * A Code 128 symbol as SVG, sized in mm so print keeps the module width, with its quiet zones
 * drawn white (a box edge or a table rule inside them would stop a scanner) and crisp edges so a
 * bar never blurs into its neighbour when rasterised.
 */
export function Barcode({ value, moduleMm = 0.381, heightMm = 12 }: Props) {
  const { widths, modules } = encodeCode128(value);
  const total = modules + 2 * QUIET_ZONE_MODULES;
  let x = QUIET_ZONE_MODULES;
  const bars: string[] = [];
  widths.forEach((width, i) => {
    if (i % 2 === 0) bars.push(`M${x} 0h${width}v1h-${width}z`);
    x += width;
  });
  return (
    <svg
      className="barcode"
      role="img"
      aria-label={value}
      data-value={value}
      width={`${(total * moduleMm).toFixed(3)}mm`}
      height={`${heightMm}mm`}
      viewBox={`0 0 ${total} 1`}
      preserveAspectRatio="none"
      shapeRendering="crispEdges"
    >
      <rect width={total} height={1} fill="#fff" />
      <path d={bars.join('')} fill="#000" />
    </svg>
  );
}
