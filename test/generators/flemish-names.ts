/**
 * Word lists that make generated scenarios read like a Flemish custom-work company: regions
 * with their towns and coordinates, client sectors, enclave activities and first names.
 *
 * Only the look matters (a planner reading a generated plan should recognise the kind of
 * data); nothing here is used as a fact by the tests.
 */

export interface RegionPreset {
  name: string;
  lat: number;
  lon: number;
  towns: readonly string[];
}

export const REGION_PRESETS: readonly RegionPreset[] = [
  { name: "Westhoek", lat: 50.851, lon: 2.885, towns: ["Ieper", "Poperinge", "Zonnebeke", "Wervik", "Menen", "Langemark", "Vlamertinge", "Heuvelland", "Boezinge", "Elverdinge", "Diksmuide", "Veurne"] },
  { name: "Kortrijk", lat: 50.828, lon: 3.265, towns: ["Kortrijk", "Harelbeke", "Waregem", "Wevelgem", "Kuurne", "Zwevegem", "Deerlijk", "Anzegem", "Lendelede", "Moorsele"] },
  { name: "Brugge", lat: 51.209, lon: 3.224, towns: ["Brugge", "Oostkamp", "Jabbeke", "Beernem", "Zedelgem", "Torhout", "Damme", "Blankenberge", "Assebroek", "Sint-Kruis"] },
  { name: "Gent", lat: 51.054, lon: 3.717, towns: ["Gent", "Merelbeke", "Destelbergen", "Lochristi", "Deinze", "Evergem", "Zelzate", "Wetteren", "Lokeren", "Melle"] },
  { name: "Aalst", lat: 50.938, lon: 4.039, towns: ["Aalst", "Ninove", "Erpe-Mere", "Denderleeuw", "Lede", "Haaltert", "Geraardsbergen", "Zottegem", "Wichelen", "Dendermonde"] },
  { name: "Antwerpen", lat: 51.219, lon: 4.402, towns: ["Antwerpen", "Wilrijk", "Schoten", "Kontich", "Boom", "Mortsel", "Edegem", "Brasschaat", "Zwijndrecht", "Wommelgem"] },
  { name: "Mechelen", lat: 51.025, lon: 4.477, towns: ["Mechelen", "Willebroek", "Duffel", "Bonheiden", "Sint-Katelijne-Waver", "Putte", "Lier", "Heist-op-den-Berg", "Puurs", "Zemst"] },
  { name: "Leuven", lat: 50.879, lon: 4.701, towns: ["Leuven", "Heverlee", "Kessel-Lo", "Herent", "Rotselaar", "Tienen", "Aarschot", "Haacht", "Bierbeek", "Oud-Heverlee"] },
  { name: "Kempen", lat: 51.322, lon: 4.944, towns: ["Turnhout", "Geel", "Mol", "Herentals", "Oud-Turnhout", "Beerse", "Kasterlee", "Hoogstraten", "Arendonk", "Dessel"] },
  { name: "Hasselt", lat: 50.931, lon: 5.338, towns: ["Hasselt", "Genk", "Diepenbeek", "Zonhoven", "Houthalen", "Sint-Truiden", "Bilzen", "Tongeren", "Beringen", "Lummen"] },
  { name: "Waasland", lat: 51.165, lon: 4.139, towns: ["Sint-Niklaas", "Temse", "Beveren", "Stekene", "Sint-Gillis-Waas", "Kruibeke", "Waasmunster", "Hamme", "Belsele", "Nieuwkerken"] },
  { name: "Midden-West", lat: 50.946, lon: 3.124, towns: ["Roeselare", "Izegem", "Tielt", "Lichtervelde", "Ardooie", "Hooglede", "Staden", "Moorslede", "Ingelmunster", "Pittem"] },
  { name: "Kust", lat: 51.215, lon: 2.927, towns: ["Oostende", "Bredene", "Middelkerke", "Gistel", "Oudenburg", "De Haan", "Koksijde", "Nieuwpoort", "Ichtegem", "Zandvoorde"] },
  { name: "Maasland", lat: 51.06, lon: 5.73, towns: ["Maasmechelen", "Lanaken", "Dilsen-Stokkem", "Maaseik", "Bree", "As", "Opglabbeek", "Lommel", "Neerpelt", "Peer"] },
  { name: "Pajottenland", lat: 50.81, lon: 4.15, towns: ["Halle", "Lennik", "Dilbeek", "Liedekerke", "Ternat", "Pepingen", "Gooik", "Asse", "Affligem", "Roosdaal"] },
];

export const CLIENT_SECTORS: readonly string[] = [
  "Kunststoffen", "Fietsenfabriek", "Vleeswaren", "Drukkerij", "Tuinbouw", "Metaalwerken", "Kartonnage",
  "Brouwerij", "Textiel", "Kaarsen", "Logistiek", "Bakkerij", "Chocolaterie", "Meubelmakerij",
  "Diepvriesgroenten", "Elektronica", "Verpakkingen", "Zuivel", "Houtbewerking", "Autoparts",
  "Papierwaren", "Tapijtweverij", "Conserven", "Speelgoed",
];

export const ENCLAVE_ACTIVITIES: readonly string[] = [
  "Assemblage", "Etikettering", "Inpaklijn", "Magazijn", "Montage", "Sorteerlijn", "Verpakking", "Kwaliteitscontrole",
];

export const FIRST_NAMES: readonly string[] = [
  "Anouk", "Arne", "Bart", "Bram", "Dries", "Eline", "Elke", "Femke", "Fien", "Griet", "Hanne", "Ilse", "Jonas",
  "Joke", "Jens", "Karel", "Katrien", "Lien", "Lotte", "Lukas", "Maarten", "Marieke", "Nele", "Nina", "Pieter",
  "Robbe", "Ruben", "Saar", "Sander", "Sien", "Stijn", "Thijs", "Tine", "Tom", "Wannes", "Ward", "Wout", "Yana",
  "Zoë", "Kobe", "Lore", "Mathias", "Jolien", "Seppe", "Emma", "Lander", "Hannelore", "Kristof", "Veerle", "Gert",
];

export const SURNAME_INITIALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
