// The demo catalog's vocabulary: a three-level category tree with translated names and
// attribute definitions, brands, and what each leaf category sells. prisma/seed/catalog.ts
// turns it into products, deterministically.

/** [en, es, fr, ar, zh] */
export type Names5 = [string, string, string, string, string];
export const LOCALES = ["en", "es", "fr", "ar", "zh"] as const;
export const namesOf = (n: Names5) => Object.fromEntries(LOCALES.map((l, i) => [l, n[i]]));

export interface AttributeSeed {
  code: string;
  names: Names5;
  type: "TEXT" | "NUMBER" | "BOOLEAN" | "SELECT";
  unit?: string;
  options?: { value: string; names: Names5 }[];
  /** NUMBER values to pick from. */
  numbers?: number[];
}

export type OptionKind = "colour" | "apparel" | "shoes" | "storage" | "bedding" | "none";

export interface LeafSeed {
  slug: string;
  names: Names5;
  /** The product noun in each language ("Headphones"). */
  noun: Names5;
  vendors: string[];
  brands: string[];
  options: OptionKind;
  /** Price range in cents (USD). */
  price: [number, number];
  attributes?: AttributeSeed[];
}

export interface BranchSeed {
  slug: string;
  names: Names5;
  attributes?: AttributeSeed[];
  leaves: LeafSeed[];
}

export interface RootSeed {
  slug: string;
  names: Names5;
  glyph: "device" | "shirt" | "home" | "bottle" | "dumbbell" | "blocks";
  attributes?: AttributeSeed[];
  branches: BranchSeed[];
}

const MATERIAL: AttributeSeed = {
  code: "material", names: ["Material", "Material", "Matière", "الخامة", "材质"], type: "SELECT",
  options: [
    { value: "cotton", names: ["Cotton", "Algodón", "Coton", "قطن", "棉"] },
    { value: "linen", names: ["Linen", "Lino", "Lin", "كتان", "亚麻"] },
    { value: "wool", names: ["Wool", "Lana", "Laine", "صوف", "羊毛"] },
    { value: "polyester", names: ["Polyester", "Poliéster", "Polyester", "بوليستر", "涤纶"] },
    { value: "leather", names: ["Leather", "Cuero", "Cuir", "جلد", "皮革"] },
  ],
};
const KITCHEN_MATERIAL: AttributeSeed = {
  code: "kitchen_material", names: ["Material", "Material", "Matière", "الخامة", "材质"], type: "SELECT",
  options: [
    { value: "stainless-steel", names: ["Stainless steel", "Acero inoxidable", "Acier inoxydable", "فولاذ مقاوم للصدأ", "不锈钢"] },
    { value: "cast-iron", names: ["Cast iron", "Hierro fundido", "Fonte", "حديد زهر", "铸铁"] },
    { value: "ceramic", names: ["Ceramic", "Cerámica", "Céramique", "سيراميك", "陶瓷"] },
    { value: "wood", names: ["Wood", "Madera", "Bois", "خشب", "木质"] },
  ],
};
const CONNECTIVITY: AttributeSeed = {
  code: "connectivity", names: ["Connectivity", "Conectividad", "Connectivité", "الاتصال", "连接方式"], type: "SELECT",
  options: [
    { value: "bluetooth", names: ["Bluetooth", "Bluetooth", "Bluetooth", "بلوتوث", "蓝牙"] },
    { value: "wired", names: ["Wired", "Con cable", "Filaire", "سلكي", "有线"] },
    { value: "usb-c", names: ["USB-C", "USB-C", "USB-C", "USB-C", "USB-C"] },
  ],
};
const NOISE_CANCELLING: AttributeSeed = { code: "noise_cancelling", names: ["Noise cancelling", "Cancelación de ruido", "Réduction de bruit", "إلغاء الضوضاء", "主动降噪"], type: "BOOLEAN" };
const SCREEN: AttributeSeed = { code: "screen_size", names: ["Screen size", "Tamaño de pantalla", "Taille d’écran", "حجم الشاشة", "屏幕尺寸"], type: "NUMBER", unit: "in", numbers: [6.1, 6.4, 6.7, 10.9, 11, 12.9, 13.3, 14, 15.6] };
const RAM: AttributeSeed = {
  code: "ram", names: ["Memory", "Memoria", "Mémoire", "الذاكرة", "内存"], type: "SELECT",
  options: [
    { value: "8gb", names: ["8 GB", "8 GB", "8 Go", "8 غيغابايت", "8 GB"] },
    { value: "16gb", names: ["16 GB", "16 GB", "16 Go", "16 غيغابايت", "16 GB"] },
    { value: "32gb", names: ["32 GB", "32 GB", "32 Go", "32 غيغابايت", "32 GB"] },
  ],
};
const FILL: AttributeSeed = {
  code: "fill", names: ["Fill", "Relleno", "Garnissage", "الحشوة", "填充物"], type: "SELECT",
  options: [
    { value: "down", names: ["Down", "Plumón", "Duvet", "ريش", "羽绒"] },
    { value: "synthetic", names: ["Synthetic", "Sintético", "Synthétique", "صناعي", "合成纤维"] },
    { value: "wool", names: ["Wool", "Lana", "Laine", "صوف", "羊毛"] },
  ],
};
const SKIN: AttributeSeed = {
  code: "skin_type", names: ["Skin type", "Tipo de piel", "Type de peau", "نوع البشرة", "肤质"], type: "SELECT",
  options: [
    { value: "all", names: ["All skin types", "Todo tipo de piel", "Tous types de peau", "جميع أنواع البشرة", "所有肤质"] },
    { value: "dry", names: ["Dry", "Seca", "Sèche", "جافة", "干性"] },
    { value: "oily", names: ["Oily", "Grasa", "Grasse", "دهنية", "油性"] },
  ],
};
const VEGAN: AttributeSeed = { code: "vegan", names: ["Vegan", "Vegano", "Végan", "نباتي", "纯素"], type: "BOOLEAN" };
const WEIGHT: AttributeSeed = { code: "weight_kg", names: ["Weight", "Peso", "Poids", "الوزن", "重量"], type: "NUMBER", unit: "kg", numbers: [0.5, 1, 1.5, 2, 2.5, 5, 10] };
const AGE: AttributeSeed = { code: "min_age", names: ["Minimum age", "Edad mínima", "Âge minimum", "الحد الأدنى للعمر", "最低年龄"], type: "NUMBER", unit: "years", numbers: [3, 5, 6, 8, 10, 12] };
const PLAYERS: AttributeSeed = { code: "players", names: ["Players", "Jugadores", "Joueurs", "عدد اللاعبين", "玩家人数"], type: "TEXT" };

export const BRANDS = [
  "Voltix", "Aurora Audio", "Kestrel", "Nordlys", "Pinecraft", "Solace", "Maribel", "Tidewater", "Ember & Oak", "Lumen",
  "Zephyr", "Atlas Gear", "Petal", "Brightside", "Quill", "Orbit", "Juniper", "Sable", "Marlow", "Kito",
];

export const CATALOG: RootSeed[] = [
  {
    slug: "electronics", names: ["Electronics", "Electrónica", "Électronique", "إلكترونيات", "电子产品"], glyph: "device",
    branches: [
      {
        slug: "phones-tablets", names: ["Phones & Tablets", "Móviles y tabletas", "Téléphones et tablettes", "الهواتف والأجهزة اللوحية", "手机和平板"], attributes: [SCREEN],
        leaves: [
          { slug: "smartphones", names: ["Smartphones", "Smartphones", "Smartphones", "هواتف ذكية", "智能手机"], noun: ["Smartphone", "Smartphone", "Smartphone", "هاتف ذكي", "智能手机"], vendors: ["tech-haven"], brands: ["Voltix", "Orbit", "Kestrel"], options: "storage", price: [19900, 119900] },
          { slug: "tablets", names: ["Tablets", "Tabletas", "Tablettes", "أجهزة لوحية", "平板电脑"], noun: ["Tablet", "Tableta", "Tablette", "جهاز لوحي", "平板电脑"], vendors: ["tech-haven"], brands: ["Voltix", "Orbit"], options: "storage", price: [24900, 99900] },
          { slug: "phone-cases", names: ["Phone Cases", "Fundas para móvil", "Coques de téléphone", "أغطية الهواتف", "手机壳"], noun: ["Phone Case", "Funda", "Coque", "غطاء هاتف", "手机壳"], vendors: ["tech-haven", "atelier-lumiere"], brands: ["Kito", "Lumen"], options: "colour", price: [990, 3990] },
        ],
      },
      {
        slug: "audio", names: ["Audio", "Audio", "Audio", "الصوتيات", "音频"], attributes: [CONNECTIVITY, NOISE_CANCELLING],
        leaves: [
          { slug: "headphones", names: ["Headphones", "Auriculares", "Casques", "سماعات رأس", "头戴式耳机"], noun: ["Headphones", "Auriculares", "Casque", "سماعات رأس", "耳机"], vendors: ["tech-haven"], brands: ["Aurora Audio", "Voltix", "Zephyr"], options: "colour", price: [2990, 39900] },
          { slug: "earbuds", names: ["Earbuds", "Auriculares intraurales", "Écouteurs", "سماعات أذن", "入耳式耳机"], noun: ["Earbuds", "Auriculares intraurales", "Écouteurs", "سماعات أذن", "入耳式耳机"], vendors: ["tech-haven"], brands: ["Aurora Audio", "Zephyr"], options: "colour", price: [1990, 24900] },
          { slug: "speakers", names: ["Speakers", "Altavoces", "Enceintes", "مكبرات صوت", "音箱"], noun: ["Speaker", "Altavoz", "Enceinte", "مكبر صوت", "音箱"], vendors: ["tech-haven"], brands: ["Aurora Audio", "Orbit"], options: "colour", price: [3990, 49900] },
        ],
      },
      {
        slug: "computers", names: ["Computers", "Ordenadores", "Ordinateurs", "الحواسيب", "电脑"], attributes: [RAM],
        leaves: [
          { slug: "laptops", names: ["Laptops", "Portátiles", "Ordinateurs portables", "حواسيب محمولة", "笔记本电脑"], noun: ["Laptop", "Portátil", "Ordinateur portable", "حاسوب محمول", "笔记本电脑"], vendors: ["tech-haven"], brands: ["Kestrel", "Voltix"], options: "storage", price: [49900, 249900], attributes: [SCREEN] },
          { slug: "keyboards", names: ["Keyboards", "Teclados", "Claviers", "لوحات مفاتيح", "键盘"], noun: ["Keyboard", "Teclado", "Clavier", "لوحة مفاتيح", "键盘"], vendors: ["tech-haven"], brands: ["Kestrel", "Quill"], options: "colour", price: [2990, 19900] },
          { slug: "mice", names: ["Mice", "Ratones", "Souris", "فأرات", "鼠标"], noun: ["Mouse", "Ratón", "Souris", "فأرة", "鼠标"], vendors: ["tech-haven"], brands: ["Kestrel", "Quill"], options: "colour", price: [1490, 12900] },
        ],
      },
    ],
  },
  {
    slug: "fashion", names: ["Fashion", "Moda", "Mode", "أزياء", "时尚"], glyph: "shirt", attributes: [MATERIAL],
    branches: [
      {
        slug: "men", names: ["Men", "Hombre", "Homme", "رجال", "男装"],
        leaves: [
          { slug: "mens-t-shirts", names: ["T-Shirts", "Camisetas", "T-shirts", "تيشيرتات", "T恤"], noun: ["T-Shirt", "Camiseta", "T-shirt", "تيشيرت", "T恤"], vendors: ["silk-road-textiles", "atelier-lumiere"], brands: ["Marlow", "Juniper", "Sable"], options: "apparel", price: [1290, 4990] },
          { slug: "mens-shirts", names: ["Shirts", "Camisas", "Chemises", "قمصان", "衬衫"], noun: ["Shirt", "Camisa", "Chemise", "قميص", "衬衫"], vendors: ["silk-road-textiles"], brands: ["Marlow", "Sable"], options: "apparel", price: [2990, 8990] },
          { slug: "mens-jackets", names: ["Jackets", "Chaquetas", "Vestes", "جاكيتات", "夹克"], noun: ["Jacket", "Chaqueta", "Veste", "جاكيت", "夹克"], vendors: ["silk-road-textiles", "peak-outdoors"], brands: ["Atlas Gear", "Sable"], options: "apparel", price: [5990, 24900] },
        ],
      },
      {
        slug: "women", names: ["Women", "Mujer", "Femme", "نساء", "女装"],
        leaves: [
          { slug: "dresses", names: ["Dresses", "Vestidos", "Robes", "فساتين", "连衣裙"], noun: ["Dress", "Vestido", "Robe", "فستان", "连衣裙"], vendors: ["atelier-lumiere"], brands: ["Maribel", "Petal"], options: "apparel", price: [3990, 15900] },
          { slug: "womens-tops", names: ["Tops", "Tops", "Hauts", "بلوزات", "上衣"], noun: ["Top", "Top", "Haut", "بلوزة", "上衣"], vendors: ["atelier-lumiere", "silk-road-textiles"], brands: ["Maribel", "Petal", "Juniper"], options: "apparel", price: [1990, 6990] },
          { slug: "skirts", names: ["Skirts", "Faldas", "Jupes", "تنانير", "半身裙"], noun: ["Skirt", "Falda", "Jupe", "تنورة", "半身裙"], vendors: ["atelier-lumiere"], brands: ["Maribel", "Petal"], options: "apparel", price: [2490, 8990] },
        ],
      },
      {
        slug: "shoes", names: ["Shoes", "Calzado", "Chaussures", "أحذية", "鞋履"],
        leaves: [
          { slug: "sneakers", names: ["Sneakers", "Zapatillas", "Baskets", "أحذية رياضية", "运动鞋"], noun: ["Sneakers", "Zapatillas", "Baskets", "حذاء رياضي", "运动鞋"], vendors: ["peak-outdoors", "atelier-lumiere"], brands: ["Zephyr", "Atlas Gear", "Brightside"], options: "shoes", price: [4990, 17900] },
          { slug: "boots", names: ["Boots", "Botas", "Bottes", "أحذية طويلة", "靴子"], noun: ["Boots", "Botas", "Bottes", "حذاء طويل", "靴子"], vendors: ["peak-outdoors"], brands: ["Atlas Gear", "Sable"], options: "shoes", price: [7990, 22900] },
        ],
      },
    ],
  },
  {
    slug: "home-kitchen", names: ["Home & Kitchen", "Hogar y cocina", "Maison et cuisine", "المنزل والمطبخ", "家居厨房"], glyph: "home",
    branches: [
      {
        slug: "kitchen", names: ["Kitchen", "Cocina", "Cuisine", "المطبخ", "厨房"], attributes: [KITCHEN_MATERIAL],
        leaves: [
          { slug: "cookware", names: ["Cookware", "Menaje de cocina", "Ustensiles de cuisson", "أواني الطهي", "锅具"], noun: ["Pan", "Sartén", "Poêle", "مقلاة", "煎锅"], vendors: ["golden-spoon", "casa-verde"], brands: ["Ember & Oak", "Pinecraft"], options: "none", price: [2490, 18900] },
          { slug: "knives", names: ["Knives", "Cuchillos", "Couteaux", "سكاكين", "刀具"], noun: ["Chef’s Knife", "Cuchillo de chef", "Couteau de chef", "سكين طاهٍ", "厨师刀"], vendors: ["golden-spoon"], brands: ["Ember & Oak", "Kito"], options: "none", price: [1990, 14900] },
          { slug: "coffee-makers", names: ["Coffee Makers", "Cafeteras", "Cafetières", "صانعات القهوة", "咖啡机"], noun: ["Coffee Maker", "Cafetera", "Cafetière", "صانعة قهوة", "咖啡机"], vendors: ["golden-spoon", "casa-verde"], brands: ["Nordlys", "Lumen"], options: "colour", price: [3990, 34900] },
        ],
      },
      {
        slug: "bedding", names: ["Bedding", "Ropa de cama", "Linge de lit", "مفروشات السرير", "床上用品"], attributes: [FILL],
        leaves: [
          { slug: "pillows", names: ["Pillows", "Almohadas", "Oreillers", "وسائد", "枕头"], noun: ["Pillow", "Almohada", "Oreiller", "وسادة", "枕头"], vendors: ["nordic-home", "silk-road-textiles"], brands: ["Nordlys", "Solace"], options: "bedding", price: [1990, 8990] },
          { slug: "duvets", names: ["Duvets", "Edredones", "Couettes", "ألحفة", "被子"], noun: ["Duvet", "Edredón", "Couette", "لحاف", "被子"], vendors: ["nordic-home"], brands: ["Nordlys", "Solace"], options: "bedding", price: [4990, 29900] },
          { slug: "bed-sheets", names: ["Sheets", "Sábanas", "Draps", "شراشف", "床单"], noun: ["Sheet Set", "Juego de sábanas", "Parure de draps", "طقم شراشف", "床单套装"], vendors: ["nordic-home", "silk-road-textiles"], brands: ["Solace", "Tidewater"], options: "bedding", price: [2990, 12900] },
        ],
      },
      {
        slug: "decor", names: ["Decor", "Decoración", "Décoration", "الديكور", "家居装饰"],
        leaves: [
          { slug: "lamps", names: ["Lamps", "Lámparas", "Lampes", "مصابيح", "灯具"], noun: ["Lamp", "Lámpara", "Lampe", "مصباح", "台灯"], vendors: ["nordic-home", "casa-verde"], brands: ["Lumen", "Nordlys"], options: "colour", price: [2990, 19900] },
          { slug: "vases", names: ["Vases", "Jarrones", "Vases", "مزهريات", "花瓶"], noun: ["Vase", "Jarrón", "Vase", "مزهرية", "花瓶"], vendors: ["casa-verde"], brands: ["Pinecraft", "Tidewater"], options: "colour", price: [1490, 8990] },
          { slug: "candles", names: ["Candles", "Velas", "Bougies", "شموع", "蜡烛"], noun: ["Candle", "Vela", "Bougie", "شمعة", "香薰蜡烛"], vendors: ["casa-verde", "nordic-home"], brands: ["Solace", "Ember & Oak"], options: "none", price: [990, 4990] },
        ],
      },
    ],
  },
  {
    slug: "beauty", names: ["Beauty", "Belleza", "Beauté", "الجمال", "美妆"], glyph: "bottle", attributes: [VEGAN],
    branches: [
      {
        slug: "skincare", names: ["Skincare", "Cuidado de la piel", "Soins de la peau", "العناية بالبشرة", "护肤"], attributes: [SKIN],
        leaves: [
          { slug: "moisturizers", names: ["Moisturizers", "Hidratantes", "Hydratants", "مرطبات", "保湿霜"], noun: ["Moisturizer", "Crema hidratante", "Crème hydratante", "مرطب", "保湿霜"], vendors: ["atelier-lumiere"], brands: ["Petal", "Brightside"], options: "none", price: [1290, 6990] },
          { slug: "cleansers", names: ["Cleansers", "Limpiadores", "Nettoyants", "منظفات البشرة", "洁面"], noun: ["Cleanser", "Limpiador", "Nettoyant", "منظف", "洁面乳"], vendors: ["atelier-lumiere"], brands: ["Petal", "Brightside"], options: "none", price: [990, 3990] },
        ],
      },
      {
        slug: "makeup", names: ["Makeup", "Maquillaje", "Maquillage", "المكياج", "彩妆"],
        leaves: [
          { slug: "lipstick", names: ["Lipstick", "Pintalabios", "Rouges à lèvres", "أحمر شفاه", "口红"], noun: ["Lipstick", "Pintalabios", "Rouge à lèvres", "أحمر شفاه", "口红"], vendors: ["atelier-lumiere"], brands: ["Maribel", "Petal"], options: "colour", price: [990, 3490] },
          { slug: "mascara", names: ["Mascara", "Máscara de pestañas", "Mascara", "ماسكارا", "睫毛膏"], noun: ["Mascara", "Máscara de pestañas", "Mascara", "ماسكارا", "睫毛膏"], vendors: ["atelier-lumiere"], brands: ["Maribel", "Brightside"], options: "none", price: [890, 2990] },
        ],
      },
    ],
  },
  {
    slug: "sports-outdoors", names: ["Sports & Outdoors", "Deportes y aire libre", "Sports et plein air", "الرياضة والهواء الطلق", "运动户外"], glyph: "dumbbell", attributes: [WEIGHT],
    branches: [
      {
        slug: "fitness", names: ["Fitness", "Fitness", "Fitness", "اللياقة البدنية", "健身"],
        leaves: [
          { slug: "yoga-mats", names: ["Yoga Mats", "Esterillas de yoga", "Tapis de yoga", "حصائر يوغا", "瑜伽垫"], noun: ["Yoga Mat", "Esterilla de yoga", "Tapis de yoga", "حصيرة يوغا", "瑜伽垫"], vendors: ["peak-outdoors"], brands: ["Zephyr", "Juniper"], options: "colour", price: [1990, 8990] },
          { slug: "dumbbells", names: ["Dumbbells", "Mancuernas", "Haltères", "أثقال يدوية", "哑铃"], noun: ["Dumbbell Set", "Juego de mancuernas", "Set d’haltères", "طقم أثقال", "哑铃套装"], vendors: ["peak-outdoors"], brands: ["Atlas Gear"], options: "none", price: [2990, 19900] },
        ],
      },
      {
        slug: "camping", names: ["Camping", "Acampada", "Camping", "التخييم", "露营"],
        leaves: [
          { slug: "tents", names: ["Tents", "Tiendas de campaña", "Tentes", "خيام", "帐篷"], noun: ["Tent", "Tienda de campaña", "Tente", "خيمة", "帐篷"], vendors: ["peak-outdoors"], brands: ["Atlas Gear", "Kestrel"], options: "colour", price: [7990, 49900] },
          { slug: "sleeping-bags", names: ["Sleeping Bags", "Sacos de dormir", "Sacs de couchage", "أكياس نوم", "睡袋"], noun: ["Sleeping Bag", "Saco de dormir", "Sac de couchage", "كيس نوم", "睡袋"], vendors: ["peak-outdoors"], brands: ["Atlas Gear", "Nordlys"], options: "colour", price: [3990, 24900] },
          { slug: "backpacks", names: ["Backpacks", "Mochilas", "Sacs à dos", "حقائب ظهر", "背包"], noun: ["Backpack", "Mochila", "Sac à dos", "حقيبة ظهر", "背包"], vendors: ["peak-outdoors"], brands: ["Atlas Gear", "Zephyr"], options: "colour", price: [2990, 17900] },
        ],
      },
    ],
  },
  {
    slug: "toys-games", names: ["Toys & Games", "Juguetes y juegos", "Jouets et jeux", "الألعاب", "玩具游戏"], glyph: "blocks", attributes: [AGE],
    branches: [
      {
        slug: "games", names: ["Games", "Juegos", "Jeux", "ألعاب جماعية", "桌游"], attributes: [PLAYERS],
        leaves: [
          { slug: "board-games", names: ["Board Games", "Juegos de mesa", "Jeux de société", "ألعاب لوحية", "棋盘游戏"], noun: ["Board Game", "Juego de mesa", "Jeu de société", "لعبة لوحية", "棋盘游戏"], vendors: ["little-sprouts"], brands: ["Brightside", "Quill"], options: "none", price: [1490, 5990] },
          { slug: "puzzles", names: ["Puzzles", "Puzles", "Puzzles", "ألغاز تركيب", "拼图"], noun: ["Puzzle", "Puzle", "Puzzle", "لغز تركيب", "拼图"], vendors: ["little-sprouts"], brands: ["Quill", "Pinecraft"], options: "none", price: [990, 3990] },
        ],
      },
      {
        slug: "building-toys", names: ["Building Toys", "Juguetes de construcción", "Jeux de construction", "ألعاب البناء", "积木玩具"],
        leaves: [
          { slug: "building-blocks", names: ["Building Blocks", "Bloques de construcción", "Blocs de construction", "مكعبات بناء", "积木"], noun: ["Building Set", "Set de construcción", "Set de construction", "مجموعة بناء", "积木套装"], vendors: ["little-sprouts"], brands: ["Brightside", "Kito"], options: "none", price: [1990, 12900] },
          { slug: "wooden-toys", names: ["Wooden Toys", "Juguetes de madera", "Jouets en bois", "ألعاب خشبية", "木制玩具"], noun: ["Wooden Toy", "Juguete de madera", "Jouet en bois", "لعبة خشبية", "木制玩具"], vendors: ["little-sprouts", "casa-verde"], brands: ["Pinecraft", "Juniper"], options: "none", price: [1290, 6990] },
        ],
      },
    ],
  },
];

export const COLOURS: { value: string; names: Names5; hex: string }[] = [
  { value: "Black", names: ["Black", "Negro", "Noir", "أسود", "黑色"], hex: "#2b2d31" },
  { value: "White", names: ["White", "Blanco", "Blanc", "أبيض", "白色"], hex: "#e9e7e2" },
  { value: "Blue", names: ["Blue", "Azul", "Bleu", "أزرق", "蓝色"], hex: "#3d6fb6" },
  { value: "Red", names: ["Red", "Rojo", "Rouge", "أحمر", "红色"], hex: "#c2413b" },
  { value: "Green", names: ["Green", "Verde", "Vert", "أخضر", "绿色"], hex: "#3f8f5c" },
  { value: "Beige", names: ["Beige", "Beis", "Beige", "بيج", "米色"], hex: "#d8c3a0" },
  { value: "Pink", names: ["Pink", "Rosa", "Rose", "وردي", "粉色"], hex: "#e39ab4" },
  { value: "Grey", names: ["Grey", "Gris", "Gris", "رمادي", "灰色"], hex: "#8a8f98" },
];

/** Product lines: a series name kept in every language ("Studio", "Air"). */
export const SERIES = ["Studio", "Air", "Classic", "Nova", "Terra", "Lite", "Max", "Luxe", "Aero", "Flow", "Pure", "Core", "Edge", "Vista", "Oslo", "Kyoto"];

/** Sentences of the generated descriptions: [en, es, fr, ar, zh] with {title} and {brand}. */
export const DESCRIPTION: Names5 = [
  "<p>The {title} by {brand} is made for everyday use and built to last.</p><ul><li>Carefully selected materials</li><li>Quality-checked before shipping</li><li>Ships from {shop}</li></ul>",
  "<p>{title} de {brand}, pensado para el uso diario y hecho para durar.</p><ul><li>Materiales cuidadosamente seleccionados</li><li>Control de calidad antes del envío</li><li>Enviado por {shop}</li></ul>",
  "<p>{title} de {brand}, conçu pour le quotidien et fait pour durer.</p><ul><li>Matériaux soigneusement choisis</li><li>Contrôlé avant l’expédition</li><li>Expédié par {shop}</li></ul>",
  "<p>{title} من {brand}، مصمم للاستخدام اليومي ومصنوع ليدوم طويلًا.</p><ul><li>خامات مختارة بعناية</li><li>فحص الجودة قبل الشحن</li><li>يُشحن من {shop}</li></ul>",
  "<p>{brand} {title}，专为日常使用打造，经久耐用。</p><ul><li>精选材料</li><li>发货前质检</li><li>由 {shop} 发货</li></ul>",
];
