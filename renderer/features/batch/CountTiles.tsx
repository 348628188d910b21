import { formatCount } from '../../i18n';

export interface CountTile {
  label: string;
  note?: string;
  value: number;
  tone?: 'good' | 'bad';
}

/** Counts at a glance, each read as one phrase: "3 Already in the library copied, no API call". */
export function CountTiles({ tiles, label }: { tiles: CountTile[]; label: string }) {
  return (
    <ul className="count-tiles" aria-label={label}>
      {tiles.map((tile) => (
        <li key={tile.label} className={`tile ${tile.tone ?? ''}`}>
          <span className="count">{formatCount(tile.value)}</span>{' '}
          <span className="tile-label">{tile.label}</span>
          {tile.note && (
            <>
              {' '}
              <span className="note">{tile.note}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
