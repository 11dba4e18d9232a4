import type { Evidence } from '../../core/analysis';
import { highlightPieces } from '../highlight';
import { usePanel } from '../store';
import { useT } from '../useT';

/** "Why": the customer's own words that triggered the selected cue, highlighted in their message. */
export function EvidenceView() {
  const t = useT();
  const activeCue = usePanel((s) => s.activeCue);
  const view = usePanel((s) => s.view);
  const messages = usePanel((s) => s.analysed?.messages);
  const hit = view?.cues.find((c) => c.cue === activeCue);
  if (!hit || !messages || !view) return null;

  const byMessage = new Map<number, Evidence[]>();
  for (const ev of hit.evidence) {
    const index = ev.message ?? view.lastCustomerMessage ?? messages.length - 1;
    byMessage.set(index, [...(byMessage.get(index) ?? []), ev]);
  }
  const customerIndices = messages.flatMap((m, i) => (m.role === 'customer' ? [i] : []));

  return (
    <div id="evidence" class="evidence" data-testid="evidence" data-cue={hit.cue} aria-live="polite">
      <h3 class="eyebrow">{t('evidence.heading')}</h3>
      {byMessage.size === 0 && <p class="muted">{t('evidence.none')}</p>}
      {[...byMessage.entries()]
        .sort(([a], [b]) => a - b)
        .map(([index, evidence]) => {
          const text = messages[index]?.text ?? '';
          return (
            <figure key={index} class="quote" data-message={index}>
              <figcaption class="muted small">
                {t('evidence.message', { number: customerIndices.indexOf(index) + 1 || index + 1 })}
              </figcaption>
              <blockquote>
                {highlightPieces(text, evidence).map((piece, i) =>
                  piece.mark ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
                )}
              </blockquote>
            </figure>
          );
        })}
    </div>
  );
}
