import { canModerate, reflectionView, visibleTo } from '../../server/domain/reading/reflectionView';
import { textBatches } from '../../server/domain/reading/textBatches';

const reflection = { _id: 'a'.repeat(32), openid: 'author', storyId: 'labor-01', nickname: '职工', text: '很受教育', status: 'pending' as const, createdAt: new Date('2026-11-25T00:00:00Z') };

describe('who sees a reflection', () => {
  test('a pending reflection is visible to its author only; an approved one to everyone', () => {
    expect(visibleTo('author', reflection)).toBe(true);
    expect(visibleTo('someone', reflection)).toBe(false);
    expect(visibleTo('someone', { ...reflection, status: 'approved' })).toBe(true);
    expect(reflectionView('someone', { ...reflection, status: 'approved' })).toEqual({ id: reflection._id, nickname: '职工', text: '很受教育', status: 'approved', mine: false, createdAt: '2026-11-25T00:00:00.000Z' });
  });

  test('only cadres and admins moderate', () => {
    expect(canModerate([{ role: 'cadre' }])).toBe(true);
    expect(canModerate([{ role: 'admin' }])).toBe(true);
    expect(canModerate([{ role: 'worker' }])).toBe(false);
    expect(canModerate([])).toBe(false);
  });
});

describe('content check batches', () => {
  test('a long story is checked in batches of whole paragraphs under 2,500 characters', () => {
    const paragraphs = Array.from({ length: 8 }, (_, i) => String(i).repeat(900));
    const batches = textBatches(paragraphs);
    expect(batches.flat()).toEqual(paragraphs);
    for (const batch of batches) expect(batch.join('\n').length).toBeLessThanOrEqual(2500);
    expect(textBatches([])).toEqual([]);
  });
});
