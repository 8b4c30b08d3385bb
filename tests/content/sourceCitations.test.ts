import { checkBank } from '../../server/content/bankChecks';
import { citationGaps, sourceGaps, sourceParts } from '../../server/content/sourceCitations';
import { fixtureQuestions, makeQuestion } from './helpers/contentFixtures';

describe('checkable sources', () => {
  test('a book with its chapter, or a text named inside a volume, is checkable', () => {
    expect(citationGaps('《中国共产党简史》第二章，人民出版社、中共党史出版社，2021年')).toEqual([]);
    expect(citationGaps('《毛泽东选集》第四卷《论人民民主专政》，人民出版社，1991年')).toEqual([]);
    expect(citationGaps('恩格斯《社会主义从空想到科学的发展》（1880年），《马克思恩格斯文集》第3卷，人民出版社，2009年')).toEqual([]);
    expect(citationGaps('《邓小平文选》第二卷，1979年12月6日同日本首相大平正芳的谈话，人民出版社，1994年')).toEqual([]);
    expect(citationGaps('《中国近代历史辞典（1840—1949）》“第四次全国劳动大会”条，江西人民出版社，第822页')).toEqual([]);
  });

  test('a whole book or a whole volume is not', () => {
    expect(citationGaps('《中国共产党历史》第一卷（1921—1949），中共党史出版社，2011年')).toEqual(['bookWithoutChapter']);
    expect(citationGaps('《中国共产党简史》，人民出版社、中共党史出版社，2021年')).toEqual(['bookWithoutChapter']);
    expect(citationGaps('《毛泽东选集》第一、二、三卷，人民出版社，1991年')).toEqual(['bookWithoutChapter']);
  });

  test('a periodical issue is not a book', () => {
    expect(citationGaps('李大钊《“五一”运动史》，《新青年》第七卷第六号，1920年5月1日')).toEqual([]);
    expect(citationGaps('《中国工人》2018年第11期（第六次全国劳动大会专题）')).toEqual([]);
  });

  test('a report needs its full date and its title, or a dispatch dateline', () => {
    expect(citationGaps('新华社北京2021年6月29日电（“七一勋章”颁授仪式在京隆重举行）')).toEqual([]);
    expect(citationGaps('《光明日报》2017年8月31日：《塞罕坝林场先进事迹报告会发言摘登》')).toEqual([]);
    expect(citationGaps('《人民日报》2018年10月24日关于港珠澳大桥开通仪式的报道')).toEqual(['reportWithoutTitle']);
    expect(citationGaps('《人民日报》：《航天科技高凤林：稳准匀 巧焊“火箭心”》，2017年8月')).toEqual(['reportWithoutDate']);
    expect(citationGaps('新华社关于郭明义事迹的报道')).toEqual(['reportWithoutDate']);
  });

  test('the first issue of a paper, cited by its full date, is checkable; a dated page or an undated first issue is not', () => {
    expect(citationGaps('《工人日报》1949年7月15日创刊号')).toEqual([]);
    expect(citationGaps('《工人日报》1949年7月创刊号')).toEqual(['reportWithoutDate']);
    expect(citationGaps('《人民日报》2018年10月24日第1版')).toEqual(['reportWithoutTitle']);
  });

  test('a dated document reported by an agency, a communiqué and a seismic network are not news reports without a title', () => {
    expect(citationGaps('习近平在全国劳动模范和先进工作者表彰大会上的讲话（2020年11月24日），新华社')).toEqual([]);
    expect(citationGaps('《中国共产党第二十届中央委员会第三次全体会议公报》，2024年7月18日')).toEqual([]);
    expect(citationGaps('中国地震台网正式测定（2021年5月22日）')).toEqual([]);
  });

  test('a source splits at ；outside brackets only', () => {
    expect(sourceParts('甲《乙；丙》（丁；戊）；己')).toEqual(['甲《乙；丙》（丁；戊）', '己']);
    expect(sourceGaps('story-x', ['《青海通史》，青海人民出版社，1999年', '新华社2006年7月1日电：青藏铁路全线建成通车'])).toEqual([
      { id: 'story-x', part: '《青海通史》，青海人民出版社，1999年', gap: 'bookWithoutChapter' },
    ]);
  });

  test('the bank reports an uncheckable source as a warning with the item and the cited text, not as an error', () => {
    const vague = makeQuestion({ id: 'party-090', stem: '遵义会议是在哪一年召开的？', options: ['1934年', '1935年', '1936年', '1937年'], source: '《中国共产党简史》，人民出版社、中共党史出版社，2021年' });
    const report = checkBank({ questions: [{ file: 'questions/party.json', key: 'party', data: [...fixtureQuestions().filter((q) => q.history === 'party'), vague] }], stories: [] });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([
      { file: 'questions/party.json', id: 'party-090', message: expect.stringContaining('without a chapter'), check: 'sourceCitation' },
    ]);
  });
});
