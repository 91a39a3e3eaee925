/**
 * Statistics Finland's codes of the wellbeing services counties (hyvinvointialue 2023) by the names THL's
 * workbook uses, so that THL's coefficients can be joined to the store's areas. "SSS" is the whole country,
 * as in Statistics Finland's area classifications.
 */
const codesByName: Readonly<Record<string, string>> = {
  'Itä-Uudenmaan hyvinvointialue': '01',
  'Keski-Uudenmaan hyvinvointialue': '02',
  'Länsi-Uudenmaan hyvinvointialue': '03',
  'Vantaan ja Keravan hyvinvointialue': '04',
  'Varsinais-Suomen hyvinvointialue': '05',
  'Satakunnan hyvinvointialue': '06',
  'Kanta-Hämeen hyvinvointialue': '07',
  'Pirkanmaan hyvinvointialue': '08',
  'Päijät-Hämeen hyvinvointialue': '09',
  'Kymenlaakson hyvinvointialue': '10',
  'Etelä-Karjalan hyvinvointialue': '11',
  'Etelä-Savon hyvinvointialue': '12',
  'Pohjois-Savon hyvinvointialue': '13',
  'Pohjois-Karjalan hyvinvointialue': '14',
  'Keski-Suomen hyvinvointialue': '15',
  'Etelä-Pohjanmaan hyvinvointialue': '16',
  'Pohjanmaan hyvinvointialue': '17',
  'Keski-Pohjanmaan hyvinvointialue': '18',
  'Pohjois-Pohjanmaan hyvinvointialue': '19',
  'Kainuun hyvinvointialue': '20',
  'Lapin hyvinvointialue': '21',
  'Helsingin kaupunki': '90',
  'Koko maa': 'SSS',
};

export const countyCodeOf = (name: string): string | null => codesByName[name.trim()] ?? null;
