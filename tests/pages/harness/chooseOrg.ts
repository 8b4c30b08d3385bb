import { tap, tapItemWithText, waitFor, type renderPage } from './renderPage';

type Page = ReturnType<typeof renderPage>;

/**
 * A choice in a page's organisation t-cascader (behaviors/orgPicker): opens it from `cell`, then taps
 * each level's label. A last union that has unions below opens one more level: its 本级 entry is taken.
 */
export async function chooseOrg(page: Page, cell: string, labels: string[]): Promise<void> {
  const cascader = () => page.querySelector('.org-cascader');
  const levels = () => (cascader()?.data.items as unknown[] | undefined)?.length ?? 0;
  tap(page, cell);
  await waitFor(() => cascader()?.data.visible === true, 'the cascader to open');
  for (const [level, label] of labels.entries()) {
    // Each level's options appear once the level above is chosen.
    await waitFor(() => levels() > level, `level ${level} of the tree`);
    tapItemWithText(page, '.org-cascader', 't-radio__content', label);
  }
  await waitFor(() => cascader()?.data.visible === false || levels() > labels.length, 'the choice');
  if (cascader()?.data.visible) tapItemWithText(page, '.org-cascader', 't-radio__content', `${labels[labels.length - 1]}(本级)`);
  await waitFor(() => cascader()?.data.visible === false, 'the cascader to close');
}
