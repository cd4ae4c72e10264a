import { randomAddress, type Address } from './regions';
import { mixSeed, Random, type Weighted } from './random';

/** The most common surnames, weighted by how common they are (王李张刘陈 cover about a third of people). */
const SURNAMES: Weighted<string> = [
  ['王', 72],
  ['李', 71],
  ['张', 67],
  ['刘', 53],
  ['陈', 44],
  ['杨', 31],
  ['黄', 23],
  ['赵', 21],
  ['吴', 20],
  ['周', 19],
  ['徐', 15],
  ['孙', 14],
  ['马', 13],
  ['朱', 13],
  ['胡', 12],
  ['郭', 12],
  ['何', 11],
  ['高', 10],
  ['林', 10],
  ['罗', 9],
  ['郑', 9],
  ['梁', 9],
  ['谢', 7],
  ['宋', 6],
  ['唐', 6],
  ['许', 6],
  ['韩', 6],
  ['冯', 6],
  ['邓', 6],
  ['曹', 6],
  ['彭', 5],
  ['曾', 5],
  ['肖', 5],
  ['田', 5],
  ['董', 5],
  ['袁', 5],
  ['潘', 4],
  ['于', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['余', 4],
  ['杜', 4],
  ['叶', 4],
  ['程', 4],
  ['苏', 4],
  ['魏', 4],
  ['吕', 4],
  ['丁', 4],
  ['任', 4],
  ['沈', 3],
  ['姚', 3],
  ['卢', 3],
  ['姜', 3],
  ['崔', 3],
  ['钟', 3],
  ['谭', 3],
  ['陆', 3],
  ['汪', 3],
  ['范', 3],
  ['金', 3],
  ['石', 3],
  ['廖', 3],
  ['贾', 3],
  ['夏', 3],
  ['韦', 3],
  ['方', 3],
  ['白', 2],
  ['邹', 2],
  ['孟', 2],
  ['熊', 2],
  ['秦', 2],
  ['邱', 2],
  ['江', 2],
  ['尹', 2],
  ['薛', 2],
  ['段', 2],
  ['雷', 2],
  ['侯', 2],
  ['欧阳', 1],
  ['司马', 0.3],
  ['诸葛', 0.2],
];

const GIVEN_CHARS = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀',
  '兰',
  '霞',
  '平',
  '刚',
  '英',
  '华',
  '建',
  '国',
  '文',
  '辉',
  '玲',
  '红',
  '梅',
  '鑫',
  '宇',
  '浩',
  '然',
  '轩',
  '欣',
  '怡',
  '涵',
  '诺',
  '泽',
  '思',
  '远',
  '晨',
  '博',
  '嘉',
  '豪',
  '佳',
  '琪',
  '雅',
  '婷',
  '俊',
  '志',
  '海',
  '燕',
  '晓',
  '东',
  '雪',
  '婉',
  '倩',
  '子',
  '一',
  '梓',
  '若',
  '昊',
  '天',
  '成',
  '斌',
  '慧',
  '颖',
  '欢',
  '凯',
];

/** 2–3 characters: about a third of given names are a single character (王伟, 张敏). */
export function personName(rng: Random): string {
  const given = rng.chance(0.33) ? rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS);
  return rng.weighted(SURNAMES) + given;
}

/** Mainland mobile prefixes currently issued (China Mobile, Unicom, Telecom, broadcast). */
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '175',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '195',
  '198',
  '199',
];

export const mobileNumber = (rng: Random): string => rng.pick(MOBILE_PREFIXES) + rng.digits(8);

export const MEMBER_LEVELS: Weighted<{ name: string; rateBp: number | null; benefit: number }> = [
  [{ name: '普通会员', rateBp: null, benefit: 0 }, 50],
  [{ name: '银卡会员', rateBp: 9800, benefit: 0 }, 25],
  [{ name: '金卡会员', rateBp: 9500, benefit: 300 }, 17],
  [{ name: '钻石会员', rateBp: 9000, benefit: 800 }, 8],
];

export interface Buyer {
  id: string;
  account: string;
  level: { name: string; rateBp: number | null; benefit: number };
  name: string;
  phone: string;
  home: Address;
}

const PINYIN = ['xiaoyu', 'ahua', 'lele', 'mumu', 'tiantian', 'dabao', 'xixi', 'kiki', 'momo', 'sunny', 'lucky'];

/**
 * Buyer #index of the demo population. Derived from (seed, index) alone, so a buyer who orders
 * again has the same name, phone, level and home address, as a real returning customer does.
 */
export function demoBuyer(seed: number, index: number): Buyer {
  const rng = new Random(mixSeed(seed, index));
  const name = personName(rng);
  const phone = mobileNumber(rng);
  const style = rng.float();
  const account =
    style < 0.5
      ? phone
      : style < 0.8
        ? `wx_${rng.digits(4)}${rng.digits(4)}`
        : `${rng.pick(PINYIN)}_${rng.int(1970, 2008)}`;
  return {
    id: `U${String(10_000_000 + index)}`,
    account,
    level: rng.weighted(MEMBER_LEVELS),
    name,
    phone,
    home: randomAddress(rng),
  };
}
