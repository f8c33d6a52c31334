/**
 * The city-scale map: Huzhou's five districts and counties with their real streets and towns, 152 centers (129
 * operating, 23 being built) run by 57 operators, and each center's staff roster. The demo world's places and
 * people keep their ids, so the demo personas still sign in to their own centers.
 */
import type { CityMap } from './index';
import type { Random } from './random';
import {
  CENTERS,
  type CenterSeed,
  DISTRICTS,
  type DistrictSeed,
  OPERATORS,
  type OperatorSeed,
} from './world';

export const CITY_CENTERS = 152;
export const CITY_OPERATING = 129;
export const CITY_OPERATORS = 57;

/** Streets and towns besides the demo world's, by district (ids are pinyin, names are real). */
const MORE_STREETS: Record<string, [slug: string, name: string][]> = {
  'd-wuxing': [
    ['longquan', '龙泉街道'],
    ['yuehe', '月河街道'],
    ['renhuangshan', '仁皇山街道'],
    ['binhu', '滨湖街道'],
    ['kangshan', '康山街道'],
    ['yangjiabu', '杨家埠街道'],
    ['huanzhu', '环渚街道'],
    ['zhili', '织里镇'],
    ['balidian', '八里店镇'],
    ['miaoxi', '妙西镇'],
    ['daixi', '埭溪镇'],
    ['donglin', '东林镇'],
    ['daochang', '道场乡'],
  ],
  'd-nanxun': [
    ['shuanglin', '双林镇'],
    ['lianshi', '练市镇'],
    ['shanlian', '善琏镇'],
    ['jiuguan', '旧馆街道'],
    ['linghu', '菱湖镇'],
    ['qianjin', '千金镇'],
    ['shicong', '石淙镇'],
  ],
  'd-deqing': [
    ['wuyang', '舞阳街道'],
    ['fuxi', '阜溪街道'],
    ['xiazhuhu', '下渚湖街道'],
    ['qianyuan', '乾元镇'],
    ['xinshi', '新市镇'],
    ['luoshe', '洛舍镇'],
    ['zhongguan', '钟管镇'],
    ['yuyue', '禹越镇'],
    ['leidian', '雷甸镇'],
    ['moganshan', '莫干山镇'],
  ],
  'd-changxing': [
    ['huaxi', '画溪街道'],
    ['taihu', '太湖街道'],
    ['longshan', '龙山街道'],
    ['hongqiao', '洪桥镇'],
    ['lijiaxiang', '李家巷镇'],
    ['jiapu', '夹浦镇'],
    ['lincheng', '林城镇'],
    ['hexingqiao', '虹星桥镇'],
    ['heping', '和平镇'],
    ['sian', '泗安镇'],
    ['meishan', '煤山镇'],
  ],
  'd-anji': [
    ['lingfeng', '灵峰街道'],
    ['xiaoyuan', '孝源街道'],
    ['xiaofeng', '孝丰镇'],
    ['tianhuangping', '天荒坪镇'],
    ['meixi', '梅溪镇'],
    ['zhangwu', '鄣吴镇'],
    ['tianzihu', '天子湖镇'],
    ['xilong', '溪龙乡'],
  ],
};

/** Neighbourhood names inside a street: with the street's short name they make a center's name. */
const NEIGHBOURHOODS = [
  '东苑',
  '西苑',
  '南苑',
  '北苑',
  '新村',
  '河滨',
  '湖畔',
  '文苑',
  '康乐',
  '兴华',
  '永安',
  '太平',
  '锦绣',
  '桂花',
  '望湖',
  '竹园',
];
const ROADS = [
  '人民路',
  '解放路',
  '青年路',
  '建设路',
  '文化路',
  '和平路',
  '新华路',
  '胜利路',
  '太湖路',
  '幸福路',
];
const OPERATOR_BRANDS = [
  '益邻',
  '暖心',
  '同心',
  '安康',
  '睦邻',
  '乐龄',
  '惠民',
  '和美',
  '启航',
  '阳光',
  '春晖',
  '善德',
  '知行',
  '众益',
  '博爱',
  '慈航',
  '新桥',
];
const OPERATOR_KINDS = ['社会工作服务中心', '社工服务社', '公益服务中心', '社区服务社'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡沈钱韩郑冯蒋潘丁姚邱费俞闵';
const GIVEN = [
  '丽',
  '芳',
  '敏',
  '静',
  '婷',
  '磊',
  '强',
  '燕',
  '杰',
  '娟',
  '涛',
  '霞',
  '斌',
  '倩',
  '琳',
  '浩',
];

const shortName = (street: string) => street.replace(/(街道|镇|乡)$/, '');

/**
 * The whole network. Generated centers are spread over every street (the demo's streets too), each with one
 * staff account (`city-staff-<center>`); most rosters are at least half certified, a few are not.
 */
export function cityPlaces(random: Random): CityMap {
  const districts: DistrictSeed[] = DISTRICTS.map((d) => ({
    ...d,
    streets: [...d.streets, ...(MORE_STREETS[d.id] ?? []).map(([slug, name]) => ({ id: `s-${slug}`, name }))],
  }));
  const streets = districts.flatMap((d) => d.streets.map((s) => ({ ...s, districtId: d.id })));
  const districtName = new Map(districts.map((d) => [d.id, d.name]));

  const operators: OperatorSeed[] = [...OPERATORS];
  const operatorDistrict = new Map<string, string>([
    ['op-xiangyang', 'd-wuxing'],
    ['op-renai', 'd-wuxing'],
    ['op-shanlin', 'd-nanxun'],
    ['op-lehuo', 'd-deqing'],
    ['op-hongzhi', 'd-changxing'],
    ['op-zhuxiang', 'd-anji'],
  ]);
  for (let i = 0; operators.length < CITY_OPERATORS; i++) {
    const street = streets[(i * 7) % streets.length];
    if (!street) break;
    const id = `op-${street.id.slice(2)}-${i}`;
    const brand = OPERATOR_BRANDS[i % OPERATOR_BRANDS.length];
    const kind = OPERATOR_KINDS[i % OPERATOR_KINDS.length];
    const place = shortName(street.name);
    operators.push({ id, name: `${districtName.get(street.districtId) ?? ''}${place}${brand}${kind}` });
    operatorDistrict.set(id, street.districtId);
  }
  const operatorsOf = (districtId: string) =>
    operators.filter((o) => operatorDistrict.get(o.id) === districtId);

  const centers: CenterSeed[] = [...CENTERS];
  const perStreet = new Map<string, number>();
  for (const c of CENTERS) perStreet.set(c.streetId, (perStreet.get(c.streetId) ?? 0) + 1);
  let building = CENTERS.filter((c) => c.status === 'building').length;
  const toBuild = CITY_CENTERS - CITY_OPERATING;
  for (let i = 0; centers.length < CITY_CENTERS; i++) {
    const street = streets[i % streets.length];
    if (!street) break;
    const n = perStreet.get(street.id) ?? 0;
    perStreet.set(street.id, n + 1);
    const hood = NEIGHBOURHOODS[(n + i) % NEIGHBOURHOODS.length] ?? '';
    const remaining = CITY_CENTERS - centers.length;
    // Centers still being built are spread over the list rather than bunched at its end.
    const isBuilding = building < toBuild && (random.chance(0.16) || remaining <= toBuild - building);
    if (isBuilding) building++;
    const district = districtName.get(street.districtId) ?? '';
    // Every operator runs at least one center: those without one yet are chosen first.
    const candidates = operatorsOf(street.districtId);
    const idle = candidates.filter((o) => !centers.some((c) => c.operatorId === o.id));
    const operator = random.pick(idle.length ? idle : candidates);
    centers.push({
      id: `c-${street.id.slice(2)}-${n + 1}`,
      name: `${shortName(street.name)}${hood}幸福邻里中心`,
      streetId: street.id,
      address: `${district}${street.name}${random.pick(ROADS)}${random.int(1, 300)}号`,
      status: isBuilding ? 'building' : 'operating',
      operatorId: operator.id,
      staff: isBuilding ? [] : roster(random, `c-${street.id.slice(2)}-${n + 1}`),
    });
  }
  return { districts, operators, centers };
}

/** A roster of 2 to 6; about one center in eight has fewer than half certified. */
function roster(random: Random, centerId: string): CenterSeed['staff'] {
  const size = random.int(2, 6);
  const short = random.chance(0.12);
  const certified = short ? Math.floor((size - 1) / 2) : Math.ceil(size / 2) + random.int(0, size >> 1);
  return Array.from({ length: size }, (_, i) => ({
    name: `${random.pick([...SURNAMES])}${random.pick(GIVEN)}${i % 2 ? random.pick(GIVEN) : ''}`,
    certified: i < Math.min(size, certified),
    ...(i === 0 ? { persona: cityStaffPersona(centerId) } : {}),
  }));
}

/** The one staff account of a generated center, so check-ins and closings have someone to be by. */
export const cityStaffPersona = (centerId: string) => `staff-${centerId.slice(2)}`;
