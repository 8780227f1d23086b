// Word lists for generated data, one space-separated block each.
const words = (block: string): readonly string[] => block.trim().split(/\s+/);

export const firstNames = words(`
  Aaron Abigail Adam Adele Ahmed Aiko Alan Alice Amara Amir Ana Andrea Anna Arjun Ben Bianca Boris
  Carla Carlos Chen Chloe Chris Clara Daniel Dara David Diego Elena Eli Emma Erik Eva Fatima Felix
  Fiona Gabriel Grace Hana Hassan Helen Hugo Ines Ivan Jack Jana Javier Jin Johan Julia Kai Karin
  Kenji Laila Lars Laura Leo Lina Lucas Maria Mateo Maya Mei Mia Mohamed Nadia Nina Noah Olga Omar
  Paula Pedro Priya Rafael Rosa Sam Sara Sofia Tariq Tom Vera Yuki
`);

export const lastNames = words(`
  Abbott Adams Ali Andersen Baker Bauer Becker Bernard Brown Carter Castillo Chen Clark Costa Cruz
  Davies Dubois Edwards Evans Fischer Fernandez Garcia Gomez Green Hall Hansen Harris Hoffmann Hughes
  Ito Jackson Jensen Johnson Jones Kaur Khan Kim King Kowalski Kumar Lambert Larsen Lee Lewis Lopez
  Martin Meyer Miller Moreau Morris Murphy Nakamura Nguyen Nielsen Novak Okafor Olsen Park Patel Perez
  Petrov Popescu Reyes Richter Roberts Rossi Sato Schmidt Schneider Silva Singh Smith Suzuki Tanaka
  Taylor Thomas Torres Walker Wang Weber White Williams Wilson Wright Yamamoto Young Zhang
`);

export const companyWords = words(`
  Acme Apex Atlas Blue Bright Cedar Core Delta Eagle Echo Fusion Global Granite Harbor Helix Iron
  Juniper Keystone Lumen Maple Meridian Nova Oak Orbit Peak Pioneer Quantum River Sierra Summit Terra
  Titan Unity Vertex Willow Zenith
`);

export const companySuffixes = words(`
  Labs Systems Foods Logistics Health Partners Energy Retail
`);

/** Tag names; "public" is the one the contact policy reads. */
export const tagNames = words(`
  public vip lead customer partner prospect churned newsletter event-2026 webinar enterprise smb
`);
