/**
 * How each crowd looks, in the scene and in every legend and chart: an Okabe–Ito colour (safe for
 * the common colour-vision deficiencies) always paired with its own shape, so colour is never the
 * only cue.
 */
import { CROWDS, type Crowd } from '../engine';

export type Shape = 'circle' | 'triangle' | 'square' | 'diamond';

export interface CrowdLook {
  color: number;
  css: string;
  shape: Shape;
}

export const CROWD_LOOK: Record<Crowd, CrowdLook> = {
  brandLoyal: { color: 0xe69f00, css: '#E69F00', shape: 'circle' },
  lowPrice: { color: 0x0072b2, css: '#0072B2', shape: 'triangle' },
  composite: { color: 0x009e73, css: '#009E73', shape: 'square' },
  hesitant: { color: 0xcc79a7, css: '#CC79A7', shape: 'diamond' },
};

export const crowdLook = (k: number): CrowdLook => CROWD_LOOK[CROWDS[k]!];

/** Polygon points of a shape centred on 0,0 with radius r (a circle has none). */
export function shapePoints(shape: Shape, r: number): number[] {
  switch (shape) {
    case 'triangle':
      return [0, -r, r * 0.95, r * 0.75, -r * 0.95, r * 0.75];
    case 'square':
      return [-r * 0.8, -r * 0.8, r * 0.8, -r * 0.8, r * 0.8, r * 0.8, -r * 0.8, r * 0.8];
    case 'diamond':
      return [0, -r, r, 0, 0, r, -r, 0];
    case 'circle':
      return [];
  }
}

/** The crowd's shape as an inline SVG marker for DOM legends and charts. */
export function crowdMarkerSvg(k: number, size = 14): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const el = document.createElementNS(ns, 'svg');
  el.setAttribute('width', String(size));
  el.setAttribute('height', String(size));
  el.setAttribute('viewBox', '-8 -8 16 16');
  el.setAttribute('aria-hidden', 'true');
  el.setAttribute('class', 'crowd-marker');
  el.append(crowdShapeSvg(k, 0, 0, 7));
  return el;
}

export function crowdShapeSvg(k: number, x: number, y: number, r: number): SVGElement {
  const look = crowdLook(k);
  const ns = 'http://www.w3.org/2000/svg';
  let shape: SVGElement;
  if (look.shape === 'circle') {
    shape = document.createElementNS(ns, 'circle');
    shape.setAttribute('cx', String(x));
    shape.setAttribute('cy', String(y));
    shape.setAttribute('r', String(r * 0.85));
  } else {
    shape = document.createElementNS(ns, 'polygon');
    const pts = shapePoints(look.shape, r);
    const pairs: string[] = [];
    for (let i = 0; i < pts.length; i += 2) pairs.push(`${x + pts[i]!},${y + pts[i + 1]!}`);
    shape.setAttribute('points', pairs.join(' '));
  }
  shape.setAttribute('fill', look.css);
  shape.setAttribute('stroke', '#1a1a1a');
  shape.setAttribute('stroke-width', '1');
  return shape;
}
