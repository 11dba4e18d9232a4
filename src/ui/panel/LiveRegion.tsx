import { useEffect, useState } from 'preact/hooks';
import { usePanel } from '../store';

const VISIBLE_MS = 6000;

/** Short results ("Inserted", "… Copied to clipboard instead") for screen readers and a glance. */
export function LiveRegion() {
  const live = usePanel((s) => s.live);
  const [shown, setShown] = useState(live.seq);
  // The toast hides after a while; the region itself stays so the next message is announced.
  useEffect(() => {
    setShown(live.seq);
    const timer = setTimeout(() => setShown(-1), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [live.seq]);
  return (
    <div
      class="live"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="live"
      data-seq={live.seq}
    >
      {/* The key makes a repeated message a new node, so it is announced again. */}
      {live.text && shown === live.seq && <p key={live.seq}>{live.text}</p>}
    </div>
  );
}
