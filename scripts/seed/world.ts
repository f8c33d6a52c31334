/**
 * The demo world: a believable slice of Huzhou. Districts and counties are real; streets and towns are real
 * places; centers, operators and people are invented. Ids are stable so re-seeding never duplicates anything.
 */

export interface DistrictSeed {
  id: string;
  name: string;
  streets: { id: string; name: string }[];
}

export const DISTRICTS: DistrictSeed[] = [
  {
    id: 'd-wuxing',
    name: '吴兴区',
    streets: [
      { id: 's-chaoyang', name: '朝阳街道' },
      { id: 's-feiying', name: '飞英街道' },
      { id: 's-aishan', name: '爱山街道' },
    ],
  },
  {
    id: 'd-nanxun',
    name: '南浔区',
    streets: [
      { id: 's-hefu', name: '和孚镇' },
      { id: 's-nanxun', name: '南浔镇' },
    ],
  },
  { id: 'd-deqing', name: '德清县', streets: [{ id: 's-wukang', name: '武康街道' }] },
  { id: 'd-changxing', name: '长兴县', streets: [{ id: 's-zhicheng', name: '雉城街道' }] },
  {
    id: 'd-anji',
    name: '安吉县',
    streets: [
      { id: 's-changshuo', name: '昌硕街道' },
      { id: 's-dipu', name: '递铺街道' },
    ],
  },
];

export interface OperatorSeed {
  id: string;
  name: string;
}

export const OPERATORS: OperatorSeed[] = [
  { id: 'op-xiangyang', name: '吴兴区向阳花社会工作服务中心' },
  { id: 'op-renai', name: '湖州市仁爱社会工作服务社' },
  { id: 'op-shanlin', name: '南浔区善邻社会工作服务中心' },
  { id: 'op-lehuo', name: '德清县乐活社会工作服务社' },
  { id: 'op-hongzhi', name: '长兴县红治社会工作服务中心' },
  { id: 'op-zhuxiang', name: '安吉县竹乡社会工作服务社' },
];

export interface StaffSeed {
  name: string;
  certified: boolean;
  /** Demo sign-in key for staff who have an account. */
  persona?: string;
}

export interface CenterSeed {
  id: string;
  name: string;
  streetId: string;
  address: string;
  status: 'building' | 'operating';
  operatorId: string;
  staff: StaffSeed[];
}

export const CENTERS: CenterSeed[] = [
  {
    id: 'c-chaoyang',
    name: '朝阳幸福邻里中心',
    streetId: 's-chaoyang',
    address: '吴兴区朝阳街道红旗路88号',
    status: 'operating',
    operatorId: 'op-xiangyang',
    staff: [
      { name: '李娜', certified: true, persona: 'staff-chaoyang' },
      { name: '钱晓峰', certified: true },
      { name: '孙丽', certified: false },
    ],
  },
  {
    id: 'c-qinghe',
    name: '清河幸福邻里中心',
    streetId: 's-chaoyang',
    address: '吴兴区朝阳街道清河路12号',
    status: 'operating',
    operatorId: 'op-xiangyang',
    staff: [
      { name: '周静', certified: true },
      { name: '郑凯', certified: false },
    ],
  },
  {
    id: 'c-feiying',
    name: '飞英幸福邻里中心',
    streetId: 's-feiying',
    address: '吴兴区飞英街道南街36号',
    status: 'operating',
    operatorId: 'op-renai',
    staff: [
      { name: '王芳', certified: true, persona: 'staff-feiying' },
      { name: '冯磊', certified: true },
      { name: '陈敏', certified: true },
      { name: '褚亮', certified: false },
    ],
  },
  {
    id: 'c-aishan',
    name: '爱山幸福邻里中心',
    streetId: 's-aishan',
    address: '吴兴区爱山街道人民路5号',
    status: 'operating',
    operatorId: 'op-renai',
    staff: [
      { name: '卫华', certified: false },
      { name: '蒋欣', certified: false },
      { name: '沈燕', certified: true },
    ],
  },
  {
    id: 'c-panggongqiao',
    name: '潘公桥幸福邻里中心',
    streetId: 's-aishan',
    address: '吴兴区爱山街道潘公桥路20号',
    status: 'building',
    operatorId: 'op-renai',
    staff: [],
  },
  {
    id: 'c-hefu',
    name: '和孚幸福邻里中心',
    streetId: 's-hefu',
    address: '南浔区和孚镇和孚大街1号（原农机厂房）',
    status: 'operating',
    operatorId: 'op-shanlin',
    staff: [
      { name: '沈佳', certified: true, persona: 'staff-hefu' },
      { name: '韩梅', certified: true },
    ],
  },
  {
    id: 'c-nanxun',
    name: '南浔古镇幸福邻里中心',
    streetId: 's-nanxun',
    address: '南浔区南浔镇南西街77号',
    status: 'operating',
    operatorId: 'op-shanlin',
    staff: [
      { name: '杨帆', certified: true },
      { name: '朱琳', certified: false },
    ],
  },
  {
    id: 'c-wusi',
    name: '五四村幸福邻里中心',
    streetId: 's-wukang',
    address: '德清县武康街道五四村文化礼堂',
    status: 'operating',
    operatorId: 'op-lehuo',
    staff: [
      { name: '秦勇', certified: true },
      { name: '尤佳', certified: true },
      { name: '许婷', certified: false },
    ],
  },
  {
    id: 'c-wukang',
    name: '武康幸福邻里中心',
    streetId: 's-wukang',
    address: '德清县武康街道千秋街9号',
    status: 'building',
    operatorId: 'op-lehuo',
    staff: [],
  },
  {
    id: 'c-zhicheng',
    name: '雉城幸福邻里中心',
    streetId: 's-zhicheng',
    address: '长兴县雉城街道金陵路66号',
    status: 'operating',
    operatorId: 'op-hongzhi',
    staff: [
      { name: '何平', certified: true },
      { name: '吕洁', certified: true },
    ],
  },
  {
    id: 'c-changshuo',
    name: '昌硕幸福邻里中心',
    streetId: 's-changshuo',
    address: '安吉县昌硕街道胜利西路18号',
    status: 'operating',
    operatorId: 'op-zhuxiang',
    staff: [
      { name: '吴敏', certified: true, persona: 'staff-changshuo' },
      { name: '施磊', certified: false },
      { name: '张慧', certified: true },
    ],
  },
  {
    id: 'c-dipu',
    name: '递铺幸福邻里中心',
    streetId: 's-dipu',
    address: '安吉县递铺街道天荒坪路3号',
    status: 'operating',
    operatorId: 'op-zhuxiang',
    staff: [
      { name: '孔辉', certified: true },
      { name: '曹雪', certified: false },
    ],
  },
  {
    id: 'c-yuanyuan',
    name: '塘浦幸福邻里中心',
    streetId: 's-dipu',
    address: '安吉县递铺街道塘浦路41号',
    status: 'building',
    operatorId: 'op-zhuxiang',
    staff: [],
  },
];

export interface ResidentSeed {
  persona: string;
  displayName: string;
  homeCenterId: string | null;
  elderlyMode: boolean;
  phone: string | null;
  family: { id: string; displayName: string; relation: string }[];
}

/** Demo residents: several elderly, one with a relative who has no phone, one new user without a home center. */
export const RESIDENTS: ResidentSeed[] = [
  {
    persona: 'resident-wang',
    displayName: '王秀英',
    homeCenterId: 'c-chaoyang',
    elderlyMode: true,
    phone: '13857201234',
    family: [],
  },
  {
    persona: 'resident-zhang',
    displayName: '张伟',
    homeCenterId: 'c-chaoyang',
    elderlyMode: false,
    phone: '13967205678',
    family: [{ id: 'fm-zhang-mother', displayName: '张桂兰', relation: '母亲' }],
  },
  {
    persona: 'resident-chen',
    displayName: '陈美华',
    homeCenterId: 'c-hefu',
    elderlyMode: true,
    phone: null,
    family: [],
  },
  {
    persona: 'resident-zhou',
    displayName: '周建华',
    homeCenterId: 'c-changshuo',
    elderlyMode: true,
    phone: '15857209876',
    family: [],
  },
  {
    persona: 'resident-liu',
    displayName: '刘洋',
    homeCenterId: null,
    elderlyMode: false,
    phone: null,
    family: [],
  },
];

export const CITY_PERSONA = { persona: 'city', displayName: '湖州市民政局' };

/** Demo openids are readable on purpose; real ones come from WeChat. */
export const personaOpenid = (persona: string) => `demo-${persona}`;
export const officePersona = (streetId: string) => `office-${streetId.replace(/^s-/, '')}`;
