import type { Random, Weighted } from './random';

export type WarehouseId = 'WH-SH' | 'WH-GZ' | 'WH-BJ';

export interface City {
  name: string;
  districts: readonly string[];
  postcode: string;
}

export interface Province {
  name: string;
  /** The warehouse that serves the province by default (nearest). */
  warehouse: WarehouseId;
  cities: readonly City[];
}

const city = (name: string, postcode: string, districts: string[]): City => ({ name, postcode, districts });

/** Weighted roughly by online shopping volume, so 广东 and 江浙沪 dominate as they do in real life. */
export const PROVINCES: Weighted<Province> = [
  [
    {
      name: '广东省',
      warehouse: 'WH-GZ',
      cities: [
        city('广州市', '510000', ['天河区', '越秀区', '海珠区', '番禺区', '白云区']),
        city('深圳市', '518000', ['南山区', '福田区', '宝安区', '龙岗区', '龙华区']),
        city('佛山市', '528000', ['禅城区', '南海区', '顺德区']),
        city('东莞市', '523000', ['南城街道', '东城街道', '松山湖']),
      ],
    },
    14,
  ],
  [
    {
      name: '浙江省',
      warehouse: 'WH-SH',
      cities: [
        city('杭州市', '310000', ['西湖区', '上城区', '拱墅区', '滨江区', '余杭区']),
        city('宁波市', '315000', ['海曙区', '鄞州区', '江北区']),
        city('温州市', '325000', ['鹿城区', '瓯海区']),
      ],
    },
    10,
  ],
  [
    {
      name: '江苏省',
      warehouse: 'WH-SH',
      cities: [
        city('南京市', '210000', ['玄武区', '鼓楼区', '建邺区', '江宁区', '秦淮区']),
        city('苏州市', '215000', ['姑苏区', '吴中区', '相城区', '虎丘区']),
        city('无锡市', '214000', ['梁溪区', '滨湖区', '新吴区']),
      ],
    },
    10,
  ],
  [
    {
      name: '上海市',
      warehouse: 'WH-SH',
      cities: [city('上海市', '200000', ['浦东新区', '徐汇区', '静安区', '闵行区', '黄浦区', '长宁区', '杨浦区'])],
    },
    7,
  ],
  [
    {
      name: '北京市',
      warehouse: 'WH-BJ',
      cities: [city('北京市', '100000', ['朝阳区', '海淀区', '东城区', '西城区', '丰台区', '昌平区'])],
    },
    6,
  ],
  [
    {
      name: '山东省',
      warehouse: 'WH-BJ',
      cities: [
        city('济南市', '250000', ['历下区', '市中区', '槐荫区']),
        city('青岛市', '266000', ['市南区', '崂山区', '黄岛区', '李沧区']),
      ],
    },
    7,
  ],
  [
    {
      name: '河南省',
      warehouse: 'WH-BJ',
      cities: [city('郑州市', '450000', ['金水区', '中原区', '二七区', '惠济区'])],
    },
    5,
  ],
  [
    {
      name: '四川省',
      warehouse: 'WH-GZ',
      cities: [city('成都市', '610000', ['武侯区', '锦江区', '青羊区', '金牛区', '成华区'])],
    },
    6,
  ],
  [
    {
      name: '湖北省',
      warehouse: 'WH-SH',
      cities: [city('武汉市', '430000', ['江汉区', '武昌区', '洪山区', '汉阳区', '江岸区'])],
    },
    5,
  ],
  [
    {
      name: '湖南省',
      warehouse: 'WH-GZ',
      cities: [city('长沙市', '410000', ['岳麓区', '芙蓉区', '天心区', '开福区'])],
    },
    4,
  ],
  [
    {
      name: '福建省',
      warehouse: 'WH-GZ',
      cities: [
        city('福州市', '350000', ['鼓楼区', '台江区', '仓山区']),
        city('厦门市', '361000', ['思明区', '湖里区', '集美区']),
      ],
    },
    4,
  ],
  [
    {
      name: '安徽省',
      warehouse: 'WH-SH',
      cities: [city('合肥市', '230000', ['蜀山区', '包河区', '庐阳区', '瑶海区'])],
    },
    4,
  ],
  [{ name: '河北省', warehouse: 'WH-BJ', cities: [city('石家庄市', '050000', ['长安区', '桥西区', '裕华区'])] }, 4],
  [
    {
      name: '陕西省',
      warehouse: 'WH-BJ',
      cities: [city('西安市', '710000', ['雁塔区', '碑林区', '未央区', '长安区'])],
    },
    3,
  ],
  [
    {
      name: '重庆市',
      warehouse: 'WH-GZ',
      cities: [city('重庆市', '400000', ['渝中区', '江北区', '南岸区', '渝北区', '沙坪坝区'])],
    },
    3,
  ],
  [
    {
      name: '天津市',
      warehouse: 'WH-BJ',
      cities: [city('天津市', '300000', ['和平区', '南开区', '河西区', '滨海新区'])],
    },
    2,
  ],
  [
    {
      name: '辽宁省',
      warehouse: 'WH-BJ',
      cities: [
        city('沈阳市', '110000', ['和平区', '沈河区', '浑南区']),
        city('大连市', '116000', ['中山区', '沙河口区', '甘井子区']),
      ],
    },
    3,
  ],
  [{ name: '江西省', warehouse: 'WH-GZ', cities: [city('南昌市', '330000', ['东湖区', '西湖区', '红谷滩区'])] }, 2],
  [
    {
      name: '广西壮族自治区',
      warehouse: 'WH-GZ',
      cities: [city('南宁市', '530000', ['青秀区', '兴宁区', '西乡塘区'])],
    },
    2,
  ],
  [{ name: '云南省', warehouse: 'WH-GZ', cities: [city('昆明市', '650000', ['五华区', '盘龙区', '官渡区'])] }, 2],
];

const STREETS = [
  '人民路',
  '中山路',
  '解放路',
  '建设路',
  '和平路',
  '新华路',
  '长江路',
  '黄河路',
  '文化路',
  '朝阳路',
  '学府路',
  '科技路',
  '滨江大道',
  '世纪大道',
  '花园路',
  '光明路',
  '南京路',
  '延安路',
  '青年路',
  '幸福路',
];
const COMMUNITIES = [
  '阳光花园',
  '锦绣家园',
  '翠湖苑',
  '幸福里',
  '金色家园',
  '滨江花城',
  '书香名邸',
  '绿地新都会',
  '万象城',
  '紫荆苑',
  '怡景湾',
  '香樟园',
  '明珠公寓',
  '国际社区',
  '碧水云天',
  '康乐小区',
];
const OFFICES = ['科技园', '创业大厦', '国际金融中心', '软件园', '商务中心'];

export interface Address {
  province: string;
  city: string;
  district: string;
  address: string;
  postcode: string;
  warehouse: WarehouseId;
}

/** A street address down to the flat, e.g. 中山路128号阳光花园3栋2单元1502室. */
export function randomAddress(rng: Random, province: Province = rng.weighted(PROVINCES)): Address {
  const c = rng.pick(province.cities);
  const street = `${rng.pick(STREETS)}${rng.int(1, 999)}号`;
  const detail = rng.chance(0.8)
    ? `${rng.pick(COMMUNITIES)}${rng.int(1, 30)}栋${rng.int(1, 4)}单元${rng.int(1, 33)}${String(rng.int(1, 4)).padStart(2, '0')}室`
    : `${rng.pick(OFFICES)}${rng.pick(['A', 'B', 'C'])}座${rng.int(2, 40)}${String(rng.int(1, 20)).padStart(2, '0')}`;
  return {
    province: province.name,
    city: c.name,
    district: rng.pick(c.districts),
    address: street + detail,
    postcode: c.postcode,
    warehouse: province.warehouse,
  };
}

export const provinceNamed = (name: string): Province => {
  const found = PROVINCES.find(([p]) => p.name === name);
  if (!found) throw new RangeError(`unknown province ${name}`);
  return found[0];
};
