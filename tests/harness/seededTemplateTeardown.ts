import { removeTemplate } from './seededTemplate';

export default function seededTemplateTeardown(): void {
  removeTemplate();
}
