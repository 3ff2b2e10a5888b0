/**
 * Finnish course names by OKM field, from which each partner's catalogue is drawn, and the
 * field abbreviation used in course codes (`MET-ICT-012`). Names are typical of open-UAS
 * continuing-education offerings; they are demonstration data, not real course listings.
 */

export const FIELD_ABBREVIATIONS: Readonly<Record<number, string>> = {
  1: 'KAS', 2: 'KUL', 3: 'HUM', 4: 'YHT', 5: 'KAU', 6: 'LUO',
  7: 'ICT', 8: 'TEK', 9: 'MAA', 10: 'LAA', 11: 'TER', 12: 'PAL',
};

export const COURSE_NAMES: Readonly<Record<number, readonly string[]>> = {
  1: [
    'Ohjauksen ja neuvonnan perusteet', 'Digitaalinen pedagogiikka', 'Verkko-opetuksen suunnittelu',
    'Aikuisen oppiminen', 'Valmennuksen perusteet', 'Oppimisen arviointi',
    'Varhaiskasvatuksen ajankohtaiset kysymykset',
  ],
  2: [
    'Graafisen suunnittelun perusteet', 'Valokuvauksen perusteet', 'Videotuotanto',
    'Kulttuurituotannon perusteet', 'Pelisuunnittelun perusteet', 'Visuaalinen viestintä', 'Äänisuunnittelu',
  ],
  3: [
    'Työelämän englanti', 'Ruotsin kielen suullinen taito', 'Suomi toisena kielenä: työelämän viestintä',
    'Kulttuurienvälinen viestintä', 'Puhe-, neuvottelu- ja esiintymistaidot', 'Espanjan alkeet', 'Saksan alkeet',
  ],
  4: [
    'Sosiaalialan lainsäädäntö', 'Yhteisöpedagogiikka', 'Kestävä kehitys ja yhteiskunta',
    'Asiakaslähtöinen palveluohjaus', 'Monikulttuurinen sosiaalityö', 'Vaikuttamistyö ja kansalaistoiminta',
  ],
  5: [
    'Projektinhallinta', 'Johtamisen perusteet', 'Digitaalinen markkinointi', 'Yrittäjyyden perusteet',
    'Myynnin ja asiakkuuksien johtaminen', 'Kirjanpidon perusteet', 'Henkilöstöjohtaminen', 'Palvelumuotoilu',
    'Sopimusoikeuden perusteet', 'Talousjohtaminen', 'Hankintaosaaminen', 'Muutosjohtaminen',
    'Vastuullinen liiketoiminta', 'Esihenkilötyö, vuorovaikutus ja valmentava johtaminen', 'Lean-johtaminen',
  ],
  6: [
    'Tilastotieteen perusteet', 'Ympäristökemian perusteet', 'Ilmastonmuutos ja luonnon monimuotoisuus',
    'Bioanalytiikan perusteet',
  ],
  7: [
    'Tekoälyn perusteet', 'Ohjelmoinnin perusteet', 'Python-ohjelmointi', 'Web-kehityksen perusteet',
    'Tietoturvan perusteet', 'Kyberturvallisuus', 'Pilvipalvelut', 'Data-analytiikka', 'Koneoppiminen',
    'Tietokannat ja SQL', 'Ohjelmistotestaus', 'Mobiilisovelluskehitys', 'Ketterä ohjelmistokehitys',
    'Käyttäjäkokemuksen suunnittelu', 'DevOps-käytännöt', 'Tietoverkkojen perusteet', 'Full stack -kehitys',
    'Generatiivinen tekoäly työelämässä',
  ],
  8: [
    'Rakennusten energiatehokkuus', 'Sähköautot ja latausinfrastruktuuri', 'Automaation perusteet',
    'Robotiikan perusteet', 'Teollinen internet', 'Kiertotalous ja materiaalit', 'Rakennusterveys',
    'Uusiutuva energia', 'Tuotantotalous', 'Lean-tuotanto', '3D-mallinnus ja -tulostus', 'Logistiikan perusteet',
    'Laatujohtaminen teollisuudessa', 'Aurinkosähköjärjestelmät',
  ],
  9: ['Metsäbiotalouden perusteet', 'Kestävä ruoantuotanto', 'Puutarhatalouden perusteet', 'Luomutuotanto'],
  10: ['Farmakologian perusteet', 'Lääketieteellinen terminologia', 'Kliinisen tutkimuksen perusteet'],
  11: [
    'Lääkehoidon osaaminen', 'Gerontologinen hoitotyö', 'Mielenterveystyön perusteet', 'Päihdetyö', 'Kivunhoito',
    'Haavanhoito', 'Digitaaliset sosiaali- ja terveyspalvelut', 'Etäkuntoutus', 'Ensiavun ja ensihoidon perusteet',
    'Muistisairaan hoitotyö', 'Saattohoito ja palliatiivinen hoito', 'Terveyden edistäminen',
    'Ravitsemus ja hyvinvointi', 'Työhyvinvoinnin edistäminen', 'Kuntoutuksen ajankohtaiset menetelmät',
  ],
  12: [
    'Matkailun tuotekehitys', 'Vastuullinen matkailu', 'Ravintola-alan johtaminen', 'Turvallisuusjohtaminen',
    'Tapahtumatuotanto', 'Asiakaspalvelun kehittäminen', 'Kestävä ruokapalvelu',
  ],
};
