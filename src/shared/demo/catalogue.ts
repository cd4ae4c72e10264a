import { withEan13Check } from '../barcode/ean13';
import type { OrderKind } from '../domain/vocabulary';
import type { Random } from './random';
import type { WarehouseId } from './regions';

export interface Merchant {
  id: string;
  name: string;
  /** Third-party merchants stock one platform warehouse; the platform's own goods are in all three. */
  warehouse: WarehouseId | null;
}

export const MERCHANTS = {
  self: { id: 'MCH-0001', name: '官方自营', warehouse: null },
  apparel: { id: 'MCH-1001', name: '优衣坊服饰旗舰店', warehouse: 'WH-GZ' },
  fresh: { id: 'MCH-1002', name: '鲜享农场', warehouse: 'WH-SH' },
  digital: { id: 'MCH-1003', name: '极客数码专营店', warehouse: 'WH-SH' },
  services: { id: 'MCH-2001', name: '悦享本地生活', warehouse: null },
  digitalGoods: { id: 'MCH-3001', name: '速充数字商城', warehouse: null },
} as const satisfies Record<string, Merchant>;
type MerchantKey = keyof typeof MERCHANTS;

export const merchantById = (id: string): Merchant | undefined =>
  Object.values(MERCHANTS).find((m: Merchant) => m.id === id);

export interface Sku {
  sku: string;
  name: string;
  spec: string;
  image: string;
  unitPrice: number;
  merchant: Merchant;
  kind: OrderKind;
  /** Uses granted by one unit of a service (a 5-times car wash card gives 5). */
  uses: number;
  /** The EAN-13 printed on a physical item (services and virtual goods have none). */
  barcode: string | null;
}

/** GS1 China company prefixes (69x…) of the merchants that ship goods, seven digits each. */
const COMPANY_PREFIXES: Partial<Record<string, string>> = {
  'MCH-0001': '6923450',
  'MCH-1001': '6938112',
  'MCH-1002': '6947305',
  'MCH-1003': '6952671',
};

/** A merchant numbers its items itself (five digits after its prefix); the check digit completes it. */
function barcodeOf(merchant: Merchant, kind: OrderKind, itemRefs: Map<string, number>): string | null {
  const prefix = COMPANY_PREFIXES[merchant.id];
  if (kind !== 'PHYSICAL' || !prefix) return null;
  const ref = (itemRefs.get(merchant.id) ?? 0) + 1;
  itemRefs.set(merchant.id, ref);
  return withEan13Check(`${prefix}${String(ref).padStart(5, '0')}`);
}

/** An option label, optionally with a price difference (fen) against the product's base price. */
type Option = string | readonly [string, number];
interface ProductDef {
  name: string;
  merchant: MerchantKey;
  price: number;
  dims: ReadonlyArray<readonly [label: string, options: readonly Option[]]>;
  /** How often it sells relative to other products. */
  weight?: number;
  uses?: number;
}

const SIZES = ['S', 'M', 'L', 'XL', 'XXL'];
const p = (
  name: string,
  merchant: MerchantKey,
  price: number,
  dims: ProductDef['dims'],
  extra: Pick<ProductDef, 'weight' | 'uses'> = {},
): ProductDef => ({ name, merchant, price, dims, ...extra });

/** Categories with a two-letter code that prefixes their SKUs (FZ = 服装, SP = 食品, ...). */
const CATEGORIES: ReadonlyArray<readonly [code: string, kind: OrderKind, products: ProductDef[]]> = [
  [
    'FZ',
    'PHYSICAL',
    [
      p(
        '纯棉短袖T恤',
        'apparel',
        5900,
        [
          ['颜色', ['白色', '黑色', '灰色', '藏青', '浅粉']],
          ['尺码', SIZES],
        ],
        { weight: 4 },
      ),
      p(
        '圆领卫衣',
        'apparel',
        12900,
        [
          ['颜色', ['黑色', '燕麦色', '藏青', '雾霾蓝']],
          ['尺码', ['M', 'L', 'XL', 'XXL']],
        ],
        { weight: 2 },
      ),
      p('修身牛仔裤', 'apparel', 15900, [
        ['颜色', ['浅蓝', '深蓝', '黑色']],
        ['尺码', ['28', '29', '30', '31', '32', '33', '34']],
      ]),
      p('休闲衬衫', 'apparel', 9900, [
        ['颜色', ['白色', '浅蓝', '条纹']],
        ['尺码', ['M', 'L', 'XL', 'XXL']],
      ]),
      p('轻薄羽绒服', 'self', 39900, [
        ['颜色', ['黑色', '米白', '雾霾蓝', '酒红']],
        ['尺码', ['S', 'M', 'L', 'XL']],
      ]),
      p('运动短裤', 'self', 4900, [
        ['颜色', ['黑色', '灰色']],
        ['尺码', ['M', 'L', 'XL']],
      ]),
      p('针织开衫', 'apparel', 16900, [
        ['颜色', ['米白', '卡其', '燕麦色']],
        ['尺码', ['S', 'M', 'L']],
      ]),
      p(
        '防晒冰丝外套',
        'self',
        8900,
        [
          ['颜色', ['白色', '粉色', '浅灰']],
          ['尺码', ['S', 'M', 'L', 'XL']],
        ],
        { weight: 2 },
      ),
      p('加绒打底裤', 'apparel', 5900, [
        ['颜色', ['黑色', '灰色']],
        ['尺码', ['M', 'L', 'XL']],
      ]),
      p(
        '纯棉袜子5双装',
        'self',
        2990,
        [
          ['颜色', ['混色', '黑色', '白色']],
          ['尺码', ['均码']],
        ],
        { weight: 2 },
      ),
      p('真丝睡衣套装', 'apparel', 29900, [
        ['颜色', ['香槟', '藕粉']],
        ['尺码', ['M', 'L']],
      ]),
      p('儿童卫衣', 'self', 8900, [
        ['颜色', ['红色', '蓝色', '黄色']],
        ['尺码', ['110', '120', '130', '140', '150']],
      ]),
      p('碎花连衣裙', 'apparel', 19900, [
        ['颜色', ['碎花', '纯黑', '雾蓝']],
        ['尺码', ['S', 'M', 'L', 'XL']],
      ]),
      p('商务Polo衫', 'apparel', 13900, [
        ['颜色', ['白色', '藏青', '黑色']],
        ['尺码', ['M', 'L', 'XL', 'XXL']],
      ]),
      p('羊毛围巾', 'self', 15900, [['颜色', ['驼色', '灰色', '酒红', '藏青']]]),
      p('棒球帽', 'apparel', 4900, [['颜色', ['黑色', '白色', '卡其']]]),
    ],
  ],
  [
    'XZ',
    'PHYSICAL',
    [
      p(
        '轻便跑步鞋',
        'self',
        29900,
        [
          ['颜色', ['白色', '黑色', '灰蓝']],
          ['尺码', ['38', '39', '40', '41', '42', '43', '44']],
        ],
        { weight: 2 },
      ),
      p('经典帆布鞋', 'apparel', 12900, [
        ['颜色', ['白色', '黑色']],
        ['尺码', ['35', '36', '37', '38', '39', '40', '41', '42']],
      ]),
      p('居家棉拖鞋', 'self', 3990, [
        ['颜色', ['灰色', '粉色', '咖啡']],
        ['尺码', ['36-37', '38-39', '40-41', '42-43']],
      ]),
      p('男士商务皮鞋', 'apparel', 45900, [
        ['颜色', ['黑色', '棕色']],
        ['尺码', ['39', '40', '41', '42', '43', '44']],
      ]),
    ],
  ],
  [
    'SP',
    'PHYSICAL',
    [
      p('五常稻花香大米', 'fresh', 6990, [['规格', ['5kg', ['10kg', 6000]]]], { weight: 3 }),
      p('每日坚果礼盒', 'self', 9900, [['规格', ['525g/21袋', ['750g/30袋', 3000]]]], { weight: 2 }),
      p('阿克苏冰糖心苹果', 'fresh', 4990, [['规格', ['5斤装', ['10斤装', 4000]]]], { weight: 2 }),
      p('赣南脐橙', 'fresh', 3990, [['规格', ['5斤装', ['10斤装', 3500]]]]),
      p('云南普洱茶饼', 'self', 16800, [['规格', ['357g生茶', ['357g熟茶', 2000]]]]),
      p('西湖龙井', 'self', 29800, [['规格', ['250g罐装', ['500g礼盒', 30000]]]]),
      p('手工鸡蛋挂面', 'fresh', 2590, [['规格', ['1kg×2袋']]]),
      p('低脂纯牛奶', 'self', 6590, [['规格', ['250ml×24盒']]], { weight: 3 }),
      p('东北黑木耳', 'fresh', 3990, [['规格', ['250g']]]),
      p('风干牛肉干', 'fresh', 8800, [['口味', ['五香味 500g', '麻辣味 500g', '原味 500g']]]),
      p('和田大枣', 'fresh', 5900, [['规格', ['1kg', ['2.5kg礼盒', 8000]]]]),
      p('金钻凤梨', 'fresh', 6990, [['规格', ['4-5个 约10斤']]]),
      p('散养土鸡蛋', 'fresh', 4500, [['规格', ['30枚', ['60枚', 3600]]]]),
      p('特级初榨橄榄油', 'self', 12900, [['规格', ['1L', ['5L', 20000]]]]),
      p('柳州螺蛳粉', 'self', 3990, [['规格', ['3袋装', ['10袋装', 5000]]]], { weight: 2 }),
      p('挂耳咖啡', 'self', 6900, [['规格', ['10g×20包', ['10g×50包', 5000]]]]),
      p('智利车厘子', 'fresh', 19900, [['规格', ['2斤 JJ级', ['5斤 JJJ级', 30000]]]]),
      p('土蜂蜜', 'fresh', 6800, [['规格', ['500g', ['1kg', 4000]]]]),
    ],
  ],
  [
    'SM',
    'PHYSICAL',
    [
      p(
        '无线蓝牙耳机',
        'digital',
        29900,
        [
          ['颜色', ['白色', '黑色']],
          ['版本', ['标准版', ['降噪版', 20000]]],
        ],
        { weight: 2 },
      ),
      p('20000毫安充电宝', 'digital', 12900, [['颜色', ['白色', '黑色', '蓝色']]]),
      p('65W氮化镓快充头', 'digital', 9900, [['颜色', ['白色', '黑色']]]),
      p(
        'Type-C快充数据线',
        'self',
        2990,
        [
          ['长度', ['1m', ['2m', 1000]]],
          ['颜色', ['白色', '黑色']],
        ],
        { weight: 2 },
      ),
      p('机械键盘', 'digital', 29900, [
        ['轴体', ['青轴', '茶轴', '红轴']],
        ['配列', ['87键', ['104键', 5000]]],
      ]),
      p('无线静音鼠标', 'digital', 7900, [['颜色', ['黑色', '白色', '粉色']]]),
      p('智能手环', 'self', 24900, [['颜色', ['曜石黑', '樱花粉', '薄荷绿']]]),
      p('桌面手机支架', 'self', 3990, [['颜色', ['银色', '深空灰']]]),
      p('移动固态硬盘', 'digital', 49900, [['容量', ['512GB', ['1TB', 30000], ['2TB', 80000]]]]),
      p('手机钢化膜', 'digital', 2990, [
        ['适用机型', ['iPhone 15', 'iPhone 16', '华为 Mate 60', '小米 14']],
        ['类型', ['高清', ['防窥', 1000]]],
      ]),
      p('手机壳', 'digital', 3990, [
        ['适用机型', ['iPhone 15', 'iPhone 16', '华为 Mate 60', '小米 14']],
        ['颜色', ['透明', '磨砂黑']],
      ]),
      p('便携蓝牙音箱', 'digital', 19900, [['颜色', ['黑色', '白色']]]),
      p('声波电动牙刷', 'self', 19900, [['颜色', ['白色', '黑色', '粉色']]]),
      p('负离子吹风机', 'self', 15900, [['功率', ['1600W', ['2000W', 10000]]]]),
    ],
  ],
  [
    'JJ',
    'PHYSICAL',
    [
      p('纯棉四件套', 'self', 29900, [
        ['颜色', ['米白', '灰蓝', '浅粉', '墨绿']],
        ['规格', ['1.5m床', ['1.8m床', 4000], ['2.0m床', 8000]]],
      ]),
      p('乳胶枕', 'self', 15900, [['款式', ['标准款', ['护颈款', 4000]]]]),
      p(
        '316不锈钢保温杯',
        'self',
        8900,
        [
          ['颜色', ['象牙白', '墨黑', '雾蓝', '樱粉']],
          ['容量', ['500ml', ['750ml', 2000]]],
        ],
        { weight: 3 },
      ),
      p('不粘炒锅', 'self', 19900, [['尺寸', ['30cm', ['32cm', 3000]]]]),
      p('加厚收纳箱', 'self', 3990, [
        ['尺寸', ['中号', ['大号', 1500], ['特大号', 3000]]],
        ['颜色', ['透明', '白色']],
      ]),
      p('原木抽纸', 'self', 5990, [['规格', ['3层100抽×24包']]], { weight: 4 }),
      p('洗衣凝珠', 'self', 4990, [['规格', ['52颗装', ['100颗装', 3000]]]], { weight: 2 }),
      p('竹纤维毛巾', 'self', 3990, [
        ['颜色', ['蓝色', '灰色', '粉色']],
        ['规格', ['3条装']],
      ]),
      p('记忆棉床垫', 'self', 59900, [
        ['尺寸', ['1.5m', ['1.8m', 20000]]],
        ['厚度', ['5cm', ['10cm', 30000]]],
      ]),
      p('香薰蜡烛', 'self', 6900, [['香型', ['白茶', '无花果', '雪松']]]),
      p('陶瓷碗碟套装', 'self', 12900, [['规格', ['4人份', ['6人份', 5000]]]]),
      p('防滑晾衣架', 'self', 2990, [['规格', ['20只装', ['50只装', 3000]]]]),
    ],
  ],
  [
    'MZ',
    'PHYSICAL',
    [
      p('补水面膜', 'self', 7900, [['规格', ['10片装', ['20片装', 6000]]]], { weight: 2 }),
      p('氨基酸洗面奶', 'self', 6900, [['规格', ['100g', ['150g', 2000]]]]),
      p('清爽防晒霜', 'self', 12900, [['规格', ['50ml SPF50+']]]),
      p('保湿爽肤水', 'self', 13900, [['规格', ['200ml', ['400ml', 6000]]]]),
      p('丝绒口红', 'self', 19900, [['色号', ['#01 正红', '#02 豆沙', '#03 枫叶', '#04 奶茶', '#05 番茄']]]),
      p('温和卸妆油', 'self', 9900, [['规格', ['150ml', ['300ml', 8000]]]]),
      p('氨基酸洗发水', 'self', 5900, [['功效', ['去屑 500ml', '控油 500ml', '柔顺 500ml']]]),
      p('护手霜', 'self', 3900, [['规格', ['30g×3支']]]),
    ],
  ],
  [
    'MY',
    'PHYSICAL',
    [
      p(
        '婴儿纸尿裤',
        'self',
        8900,
        [
          ['尺码', ['NB', 'S', 'M', 'L', 'XL', 'XXL']],
          ['包装', ['单包', ['整箱4包', 20000]]],
        ],
        { weight: 3 },
      ),
      p('婴儿湿巾', 'self', 4990, [['规格', ['80抽×10包', ['80抽×20包', 5000]]]], { weight: 2 }),
      p('儿童保温水杯', 'self', 8900, [['图案', ['小黄鸭', '恐龙', '独角兽']]]),
      p('婴儿连体衣', 'self', 6900, [
        ['尺码', ['66cm', '73cm', '80cm', '90cm']],
        ['颜色', ['白色', '粉色', '浅蓝']],
      ]),
      p('拼插积木', 'self', 9900, [['规格', ['100粒', ['300粒', 8000]]]]),
    ],
  ],
  [
    'YD',
    'PHYSICAL',
    [
      p('加厚瑜伽垫', 'self', 6900, [
        ['厚度', ['6mm', ['10mm', 3000]]],
        ['颜色', ['紫色', '蓝色', '灰色']],
      ]),
      p('包胶哑铃套装', 'self', 15900, [['重量', ['10kg', ['20kg', 10000]]]]),
      p('计数跳绳', 'self', 2990, [['款式', ['计数款', ['无绳款', 2000]]]]),
      p('速干运动T恤', 'apparel', 7900, [
        ['颜色', ['黑色', '白色', '荧光绿']],
        ['尺码', ['M', 'L', 'XL', 'XXL']],
      ]),
      p('登山双肩包', 'self', 25900, [
        ['容量', ['30L', ['40L', 5000]]],
        ['颜色', ['黑色', '军绿']],
      ]),
    ],
  ],
  [
    'FW',
    'SERVICE',
    [
      p('精致洗车', 'services', 3900, [['项目', ['标准洗车', ['精洗内饰', 6000]]]], { weight: 3 }),
      p('美甲套餐', 'services', 9900, [['款式', ['纯色', ['法式', 4000], ['猫眼', 6000]]]], { weight: 2 }),
      p('全身按摩60分钟', 'services', 16800, [['人数', ['单人', ['双人', 16800]]]]),
      p('基础体检套餐', 'services', 39900, [['适用', ['男士', ['女士', 5000]]]]),
      p('咖啡兑换券', 'services', 2800, [['饮品', ['中杯拿铁', ['大杯美式', -300], ['超大杯燕麦拿铁', 500]]]], {
        weight: 4,
      }),
      p('电影票兑换券', 'services', 4500, [['影厅', ['2D', ['3D', 1000], ['IMAX', 3000]]]], { weight: 2 }),
      p('儿童理发', 'services', 3800, [['项目', ['单次']]]),
      p('宠物洗护', 'services', 6800, [['体型', ['小型犬', ['中型犬', 4000], ['大型犬', 8000]]]]),
      p('洗车次卡', 'services', 14900, [['规格', ['5次']]], { uses: 5 }),
      p('健身私教课', 'services', 49900, [['规格', ['10次卡']]], { uses: 10 }),
      p('自助餐双人券', 'services', 29800, [['时段', ['工作日午餐', ['周末晚餐', 10000]]]]),
    ],
  ],
  [
    'XN',
    'VIRTUAL',
    [
      p('话费充值', 'digitalGoods', 4990, [['面值', ['50元', ['100元', 4970], ['200元', 14900]]]], { weight: 4 }),
      p('视频会员', 'digitalGoods', 2500, [['时长', ['月卡', ['季卡', 4800], ['年卡', 22800]]]], { weight: 2 }),
      p('音乐会员', 'digitalGoods', 1500, [['时长', ['月卡', ['年卡', 13800]]]]),
      p('游戏点卡', 'digitalGoods', 9800, [['面值', ['100元', ['300元', 20000]]]]),
      p('电子书阅读卡', 'digitalGoods', 1800, [['时长', ['月卡', ['年卡', 9000]]]]),
      p('网盘会员', 'digitalGoods', 3000, [['时长', ['月卡', ['年卡', 20000]]]]),
    ],
  ],
];

const label = (o: Option): string => (typeof o === 'string' ? o : o[0]);
const delta = (o: Option): number => (typeof o === 'string' ? 0 : o[1]);

/** Every combination of a product's options: [['颜色', [白, 黑]], ['尺码', [M, L]]] → 4 variants. */
function variants(dims: ProductDef['dims']): Array<{ spec: string; delta: number }> {
  let out = [{ spec: '', delta: 0 }];
  for (const [name, options] of dims) {
    out = out.flatMap((v) =>
      options.map((o) => ({
        spec: v.spec ? `${v.spec};${name}:${label(o)}` : `${name}:${label(o)}`,
        delta: v.delta + delta(o),
      })),
    );
  }
  return out;
}

export interface Product {
  weight: number;
  skus: Sku[];
}

function build(): Map<OrderKind, Product[]> {
  const byKind = new Map<OrderKind, Product[]>();
  const itemRefs = new Map<string, number>();
  for (const [code, kind, defs] of CATEGORIES) {
    defs.forEach((def, i) => {
      const skus = variants(def.dims).map((v, j): Sku => {
        const sku = `${code}${String(i + 1).padStart(3, '0')}${String(j + 1).padStart(2, '0')}`;
        return {
          sku,
          name: def.name,
          spec: v.spec,
          image: `https://img.example.com/sku/${sku}.jpg`,
          unitPrice: def.price + v.delta,
          merchant: MERCHANTS[def.merchant],
          kind,
          uses: def.uses ?? 1,
          barcode: barcodeOf(MERCHANTS[def.merchant], kind, itemRefs),
        };
      });
      const list = byKind.get(kind) ?? [];
      list.push({ weight: def.weight ?? 1, skus });
      byKind.set(kind, list);
    });
  }
  return byKind;
}

const PRODUCTS = build();

export const CATALOGUE: readonly Sku[] = [...PRODUCTS.values()].flatMap((ps) => ps.flatMap((p) => p.skus));

const productsOf = (kind: OrderKind): Array<readonly [Product, number]> =>
  (PRODUCTS.get(kind) ?? []).map((product) => [product, product.weight] as const);
const WEIGHTED = {
  PHYSICAL: productsOf('PHYSICAL'),
  SERVICE: productsOf('SERVICE'),
  VIRTUAL: productsOf('VIRTUAL'),
} satisfies Record<OrderKind, unknown>;
const SELF_PHYSICAL = WEIGHTED.PHYSICAL.filter(([product]) => product.skus[0]?.merchant.id === MERCHANTS.self.id);

/** A SKU of the given kind, popular products more often; dealers sell only the platform's own goods. */
export function pickSku(rng: Random, kind: OrderKind, ownGoodsOnly = false): Sku {
  const product = rng.weighted(ownGoodsOnly && kind === 'PHYSICAL' ? SELF_PHYSICAL : WEIGHTED[kind]);
  return rng.pick(product.skus);
}
