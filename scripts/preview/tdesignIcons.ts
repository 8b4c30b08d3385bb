import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../functionList';

/**
 * TDesign's icons as SVG. The mini program's t-icon draws them with an icon font served from
 * Tencent's CDN; pictures are taken offline, so they use the same icons' vector sources from
 * tdesign-icons-vue-next (one element tree per icon, colours and masks given as props).
 */
interface IconNode {
  tag: string;
  attrs?: Record<string, string>;
  children?: IconNode[];
}

const componentsDir = path.join(repoRoot, 'node_modules/tdesign-icons-vue-next/esm/components');
const kebabAttributes = new Set(['clipRule', 'fillRule', 'maskType', 'strokeLinecap', 'strokeLinejoin', 'strokeWidth']);

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function resolveProp(value: string, name: string): string {
  const prop = value.slice('props.'.length);
  const mask = /^overlapMask(Id|Url)_(.+)$/.exec(prop);
  if (mask) return mask[1] === 'Url' ? `url(#${name}-mask-${mask[2]})` : `${name}-mask-${mask[2]}`;
  if (prop.startsWith('strokeColor')) return 'currentColor';
  if (prop === 'strokeWidth') return '2';
  if (prop === 'filledColor') return 'currentColor';
  return 'transparent'; // fillColor1/2: TDesign's default outline style
}

function render(node: IconNode, name: string, sizeAttributes: string): string {
  const attributes = Object.entries(node.attrs ?? {})
    .filter(([key]) => !(node.tag === 'svg' && (key === 'width' || key === 'height')))
    .map(([key, value]) => {
      const attribute = kebabAttributes.has(key) ? key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) : key;
      return `${attribute}="${escapeAttribute(value.startsWith('props.') ? resolveProp(value, name) : value)}"`;
    });
  if (node.tag === 'svg') attributes.push(sizeAttributes, 'xmlns="http://www.w3.org/2000/svg"');
  const children = (node.children ?? []).map((child) => render(child, name, sizeAttributes)).join('');
  return `<${node.tag} ${attributes.join(' ')}>${children}</${node.tag}>`;
}

/** The icon as an SVG string (1em square, currentColor), or null when TDesign has no such icon. */
export function iconSvg(name: string, sizeAttributes = 'width="1em" height="1em"'): string | null {
  if (!/^[a-z0-9-]+$/.test(name)) return null;
  const file = path.join(componentsDir, `${name}.js`);
  if (!existsSync(file)) return null;
  const source = readFileSync(file, 'utf8');
  const match = /var element = (\{[\s\S]*?\n\});/.exec(source);
  if (!match) return null;
  return render(JSON.parse(match[1]) as IconNode, name, sizeAttributes);
}
