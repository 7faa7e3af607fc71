import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { NetworkResponse } from '../api/types.ts';
import { actorField, DateRangeForm, rangeFromParams } from '../components/date-range.tsx';
import { actorName, ENTITY_TYPE_LABELS } from '../components/labels.ts';
import { LoadState } from '../components/status.tsx';
import { useApi } from '../components/use-api.ts';
import { href, navigate, withParams } from '../router.ts';

cytoscape.use(fcose);

const TYPE_COLOURS: Record<string, string> = { PER: '#1f6f8b', ORG: '#8a5a00', LOC: '#3c7a3c', MISC: '#6b5b95' };
// Cytoscape rejects quoted family names.
const FONT = 'Noto Naskh Arabic, DejaVu Sans, sans-serif';
/** More lines than this turn the drawing into a hairball: the strongest are kept (the text list has all). */
const MAX_EDGES = 220;
const MAX_NODES = 60;
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

/**
 * Cytoscape injects a <style> tag (`position: relative` for its container) unless one with its id exists; the
 * server's CSP blocks injected styles, so a marker takes its place and styles.css carries the rule.
 */
function preventInjectedStylesheet(): void {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.append(marker);
}

/** The network of actors appearing together, quoting or acting on each other; a click opens the actor. */
export function GraphPage({ params }: { params: URLSearchParams }) {
  const range = rangeFromParams(params);
  const result = useApi(() => api.network({ ...range, limit: MAX_NODES }), JSON.stringify(range));
  return (
    <div class="page graph-page">
      <h1>شبكة الفاعلين</h1>
      <DateRangeForm value={range} onApply={(next) => navigate(withParams(href('graph'), { ...next }))} extra={actorField} />
      <ul class="graph-legend" aria-label="مفتاح الألوان">
        {Object.entries(TYPE_COLOURS).map(([type, colour]) => (
          <li key={type}>
            <span class="dot" style={{ backgroundColor: colour }} /> {ENTITY_TYPE_LABELS[type]}
          </li>
        ))}
        <li>
          <span class="line quote-edge" /> اقتباس
        </li>
        <li>
          <span class="line event-edge" /> حدث
        </li>
        <li>
          <span class="line cooccur-edge" /> ظهور مشترك
        </li>
      </ul>
      <LoadState result={result}>{(data) => <Network data={data} />}</LoadState>
    </div>
  );
}

function Network({ data }: { data: NetworkResponse }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current || data.nodes.length === 0) return;
    const maxWeight = Math.max(1, ...data.nodes.map((node) => node.weight));
    const maxEdge = Math.max(1, ...data.edges.map((edge) => edge.weight));
    const ids = new Set(data.nodes.map((node) => node.id));
    preventInjectedStylesheet();
    const graph = cytoscape({
      container: container.current,
      elements: [
        ...data.nodes.map((node) => ({
          data: {
            id: node.id,
            label: actorName(node),
            colour: TYPE_COLOURS[node.type] ?? '#555',
            size: 26 + 54 * Math.sqrt(node.weight / maxWeight),
          },
        })),
        ...data.edges
          .filter((edge) => ids.has(edge.source) && ids.has(edge.target) && edge.source !== edge.target)
          .sort((a, b) => b.weight - a.weight)
          .slice(0, MAX_EDGES)
          .map((edge, i) => ({
            data: {
              id: `e${i}`,
              source: edge.source,
              target: edge.target,
              width: 1 + 6 * (edge.weight / maxEdge),
              colour: edge.events > 0 ? '#b5452a' : edge.quotes > 0 ? '#7a3f9a' : '#9aa5b1',
            },
          })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'background-color': 'data(colour)',
            width: 'data(size)',
            height: 'data(size)',
            'font-family': FONT,
            // Large because the fitted graph is drawn zoomed out.
            'font-size': 20,
            'min-zoomed-font-size': 7,
            color: '#1d2630',
            'text-valign': 'bottom',
            'text-margin-y': 5,
            'font-weight': 'bold',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.75,
            'text-background-padding': '2px',
          },
        },
        {
          selector: 'edge',
          style: {
            width: 'data(width)',
            'line-color': 'data(colour)',
            'curve-style': 'bezier',
            opacity: 0.55,
          },
        },
        { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111' } },
      ],
      layout: {
        name: 'fcose',
        animate: false,
        randomize: true,
        nodeRepulsion: () => 60000,
        idealEdgeLength: () => 110,
        edgeElasticity: () => 0.2,
        gravity: 0.2,
        nodeSeparation: 90,
      } as cytoscape.LayoutOptions,
    });
    graph.on('tap', 'node', (event) => navigate(href('actor', event.target.id())));
    // Exposed for the browser tests, which cannot see into the canvas.
    container.current.dataset.nodes = String(graph.nodes().length);
    container.current.dataset.edges = String(graph.edges().length);
    return () => graph.destroy();
  }, [data]);
  if (data.nodes.length === 0) return <p class="status">لا فاعلين في هذا النطاق.</p>;
  return (
    <>
      <p class="muted">
        {data.nodes.length} فاعلاً · {data.edges.length} صلة
        {data.edges.length > MAX_EDGES ? ` (تُرسم أقوى ${MAX_EDGES})` : ''} — انقر فاعلاً لفتح صفحته.
      </p>
      <div ref={container} class="graph" role="img" aria-label="شبكة الفاعلين" />
      <details class="graph-table">
        <summary>الفاعلون نصّاً</summary>
        <ul>
          {data.nodes.map((node) => (
            <li key={node.id}>
              <a href={href('actor', node.id)} dir="auto">
                {actorName(node)}
              </a>{' '}
              <span class="muted">({node.weight})</span>
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
