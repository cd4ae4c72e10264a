import { Segmented } from 'antd';
import { useMessages } from '../i18n';
import { DENSITIES, useDensity, type Density } from './design/density';

/** Comfortable or compact: compact fits ≥ 22 order rows on a 1366×768 screen. */
export function DensitySwitch() {
  const m = useMessages();
  const { density, setDensity } = useDensity();
  return (
    <Segmented<Density>
      aria-label={m.shell.density}
      data-testid="density"
      size="small"
      value={density}
      onChange={setDensity}
      options={DENSITIES.map((d) => ({ value: d, label: m.shell.densities[d] }))}
    />
  );
}
