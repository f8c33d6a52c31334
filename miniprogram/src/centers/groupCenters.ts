import type { CenterBrief } from '../../../shared/contract/account';

export interface StreetGroup {
  streetId: string;
  streetName: string;
  centers: CenterBrief[];
}

export interface DistrictGroup {
  districtName: string;
  streets: StreetGroup[];
}

/** District → street → centers, keeping the order the function listed them in. */
export function groupCenters(centers: readonly CenterBrief[]): DistrictGroup[] {
  const districts = new Map<string, Map<string, StreetGroup>>();
  for (const center of centers) {
    let streets = districts.get(center.districtName);
    if (!streets) {
      streets = new Map();
      districts.set(center.districtName, streets);
    }
    let street = streets.get(center.streetId);
    if (!street) {
      street = { streetId: center.streetId, streetName: center.streetName, centers: [] };
      streets.set(center.streetId, street);
    }
    street.centers.push(center);
  }
  return [...districts].map(([districtName, streets]) => ({ districtName, streets: [...streets.values()] }));
}
