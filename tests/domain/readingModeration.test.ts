import { contentReach, MODERATOR_ROLES, reaches, STORY_ROLES } from '../../server/domain/reading/contentScope';
import { reflectionView, visibleTo } from '../../server/domain/reading/reflectionView';
import { textBatches } from '../../server/domain/reading/textBatches';

const reflection = { _id: 'a'.repeat(32), openid: 'author', storyId: 'labor-01', nickname: '职工', text: '很受教育', status: 'pending' as const, createdAt: new Date('2026-11-25T00:00:00Z') };

describe('who sees a reflection', () => {
  test('a pending reflection is visible to its author only; an approved one to everyone', () => {
    expect(visibleTo('author', reflection)).toBe(true);
    expect(visibleTo('someone', reflection)).toBe(false);
    expect(visibleTo('someone', { ...reflection, status: 'approved' })).toBe(true);
    expect(reflectionView('someone', { ...reflection, status: 'approved' })).toEqual({ id: reflection._id, nickname: '职工', text: '很受教育', status: 'approved', mine: false, createdAt: '2026-11-25T00:00:00.000Z' });
  });

  test('cadres, admins and editors moderate; only editors and admins keep stories', () => {
    expect(contentReach([{ role: 'cadre', orgId: 'qh-xining' }], orgs, MODERATOR_ROLES)).not.toBeNull();
    expect(contentReach([{ role: 'editor', orgId: 'qh-xining' }], orgs, MODERATOR_ROLES)).not.toBeNull();
    expect(contentReach([{ role: 'cadre', orgId: 'qh-xining' }], orgs, STORY_ROLES)).toBeNull();
    expect(contentReach([{ role: 'worker', orgId: null }], orgs, MODERATOR_ROLES)).toBeNull();
    expect(contentReach([], orgs, STORY_ROLES)).toBeNull();
  });
});

const orgs = [
  { _id: 'qh', parentId: null, kind: 'province' },
  { _id: 'qh-xining', parentId: 'qh', kind: 'city' },
  { _id: 'qh-xining-rail', parentId: 'qh-xining', kind: 'grassroots' },
  { _id: 'qh-haidong', parentId: 'qh', kind: 'city' },
];

describe('the reach of a content role', () => {
  test('a province-level role (no organisation, or the province’s own) reaches provincial things and every organisation', () => {
    for (const orgId of [null, 'qh']) {
      const reach = contentReach([{ role: 'editor', orgId }], orgs, STORY_ROLES);
      if (!reach) throw new Error('no reach');
      expect([null, undefined, 'qh', 'qh-xining', 'qh-xining-rail', 'qh-haidong'].every((o) => reaches(reach, o, orgs))).toBe(true);
    }
  });

  test('an organisation’s role reaches it and what lies below, never the province’s things nor a sibling', () => {
    const reach = contentReach([{ role: 'editor', orgId: 'qh-xining' }], orgs, STORY_ROLES);
    if (!reach) throw new Error('no reach');
    expect(reaches(reach, 'qh-xining', orgs)).toBe(true);
    expect(reaches(reach, 'qh-xining-rail', orgs)).toBe(true);
    expect(reaches(reach, 'qh-haidong', orgs)).toBe(false);
    expect(reaches(reach, 'qh', orgs)).toBe(false);
    expect(reaches(reach, null, orgs)).toBe(false);
    const below = contentReach([{ role: 'editor', orgId: 'qh-xining-rail' }], orgs, STORY_ROLES);
    expect(below && reaches(below, 'qh-xining', orgs)).toBe(false);
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
