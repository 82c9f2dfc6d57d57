// Demo banners: three home heroes, three home posters and a banner at the top of Electronics and
// of Fashion, each in the five languages (one row per language, targeted at it, so every shopper
// reads them in their own language). Pictures are generated (no text in them: the title is drawn
// over the picture so it can be translated) and stored as platform images through the media
// module, under content-derived keys (upload-shaped) so later seedings reuse the stored copies. Skipped when
// banners already exist.
import crypto from "node:crypto";
import sharp from "sharp";
import type { PrismaClient } from "@/prisma/generated/client/client";
import { storeImageOnce } from "@/server/modules/media";

type Five = readonly [en: string, es: string, fr: string, ar: string, zh: string];
const LOCALES = ["en", "es", "fr", "ar", "zh"] as const;

interface BannerSeed {
  placement: "HOME_HERO" | "HOME_STRIP" | "CATEGORY_TOP";
  categorySlug?: string;
  linkUrl: string;
  picture: string;
  title: Five;
  subtitle: Five;
}

const W = { hero: [1600, 600], poster: [800, 600], category: [1600, 400] } as const;

function svg([width, height]: readonly [number, number], from: string, to: string, shapes: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>
<radialGradient id="glow" cx="0.75" cy="0.4" r="0.6"><stop offset="0" stop-color="#fff" stop-opacity="0.35"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs>
<rect width="${width}" height="${height}" fill="url(#bg)"/><rect width="${width}" height="${height}" fill="url(#glow)"/>${shapes}</svg>`;
}

const PICTURES: Record<string, () => string> = {
  tech: () => svg(W.hero, "#0f1b3d", "#2f5bd3", `
<circle cx="1230" cy="300" r="230" fill="#fff" opacity="0.08"/>
<rect x="1040" y="120" width="200" height="380" rx="34" fill="#0b1020"/><rect x="1054" y="148" width="172" height="316" rx="14" fill="#6ea8ff"/>
<rect x="1054" y="148" width="172" height="120" rx="14" fill="#a9cbff"/>
<path d="M1290 250 a110 110 0 0 1 220 0" fill="none" stroke="#e9eefc" stroke-width="26" stroke-linecap="round"/>
<rect x="1270" y="240" width="56" height="110" rx="24" fill="#e9eefc"/><rect x="1474" y="240" width="56" height="110" rx="24" fill="#e9eefc"/>
<rect x="1180" y="420" width="330" height="22" rx="11" fill="#fff" opacity="0.5"/>`),
  home: () => svg(W.hero, "#7a3b22", "#e0a26f", `
<circle cx="1250" cy="290" r="250" fill="#fff" opacity="0.08"/>
<path d="M1090 120 L1190 120 L1230 260 L1050 260 Z" fill="#f6e7c8"/><rect x="1134" y="260" width="12" height="200" fill="#3b2417"/><rect x="1080" y="460" width="120" height="22" rx="8" fill="#3b2417"/>
<path d="M1330 470 C1280 400 1290 300 1360 250 L1360 200 L1420 200 L1420 250 C1490 300 1500 400 1450 470 Z" fill="#2f6f5e"/>
<path d="M1390 200 C1370 140 1330 110 1290 100 M1390 200 C1410 130 1450 110 1490 110" stroke="#2f6f5e" stroke-width="10" fill="none" stroke-linecap="round"/>
<rect x="0" y="482" width="1600" height="118" fill="#3b2417" opacity="0.35"/>`),
  fashion: () => svg(W.hero, "#4a1942", "#d9678f", `
<circle cx="1260" cy="300" r="240" fill="#fff" opacity="0.1"/>
<path d="M1130 150 L1070 190 L1020 290 L1090 330 L1115 285 L1115 520 L1370 520 L1370 285 L1395 330 L1465 290 L1415 190 L1355 150 Q1242 215 1130 150 Z" fill="#f7d9e3"/>
<path d="M1242 190 L1242 520" stroke="#d9678f" stroke-width="6" stroke-dasharray="2 22" stroke-linecap="round"/>
<rect x="1440" y="100" width="8" height="430" fill="#2b0f27" opacity="0.5"/>`),
  outdoors: () => svg(W.poster, "#1f4d3a", "#7fb77e", `
<circle cx="600" cy="150" r="70" fill="#f7e7a1"/>
<path d="M0 460 L220 220 L360 360 L520 170 L800 470 L800 600 L0 600 Z" fill="#163a2b"/>
<path d="M470 230 L520 170 L570 230 L545 220 L520 240 L495 220 Z" fill="#f3f6f4"/>
<path d="M0 520 Q400 440 800 520 L800 600 L0 600 Z" fill="#0e271d"/>`),
  kitchen: () => svg(W.poster, "#8a5a00", "#f2b640", `
<circle cx="560" cy="250" r="170" fill="#fff" opacity="0.12"/>
<ellipse cx="520" cy="330" rx="170" ry="40" fill="#2a2a2a"/><rect x="350" y="250" width="340" height="80" fill="#3a3a3a"/><ellipse cx="520" cy="250" rx="170" ry="40" fill="#555"/>
<rect x="690" y="275" width="110" height="22" rx="11" fill="#2a2a2a"/>
<path d="M430 200 C410 160 450 140 430 100 M520 200 C500 160 540 140 520 100 M610 200 C590 160 630 140 610 100" stroke="#fff" stroke-width="9" fill="none" stroke-linecap="round" opacity="0.7"/>`),
  toys: () => svg(W.poster, "#173d7a", "#4b8bd6", `
<rect x="380" y="340" width="150" height="150" rx="18" fill="#f2b640"/><rect x="550" y="340" width="150" height="150" rx="18" fill="#e4572e"/><rect x="465" y="180" width="150" height="150" rx="18" fill="#7fb77e"/>
<circle cx="420" cy="365" r="14" fill="#fff" opacity="0.6"/><circle cx="590" cy="365" r="14" fill="#fff" opacity="0.6"/><circle cx="505" cy="205" r="14" fill="#fff" opacity="0.6"/>
<rect x="0" y="490" width="800" height="110" fill="#0d2447" opacity="0.5"/>`),
  audio: () => svg(W.category, "#111827", "#4338ca", `
<path d="M1150 230 a150 150 0 0 1 300 0" fill="none" stroke="#e0e7ff" stroke-width="30" stroke-linecap="round"/>
<rect x="1125" y="215" width="70" height="140" rx="30" fill="#e0e7ff"/><rect x="1405" y="215" width="70" height="140" rx="30" fill="#e0e7ff"/>
<path d="M1000 200 q30 60 0 120 M960 170 q50 90 0 180" stroke="#a5b4fc" stroke-width="12" fill="none" stroke-linecap="round"/>`),
  linen: () => svg(W.category, "#3f3a2e", "#c8b68e", `
<path d="M1180 60 L1120 100 L1070 200 L1140 240 L1165 195 L1165 400 L1420 400 L1420 195 L1445 240 L1515 200 L1465 100 L1405 60 Q1292 125 1180 60 Z" fill="#f3ecdc"/>
<path d="M980 80 L980 400 M1000 80 L1000 400" stroke="#f3ecdc" stroke-width="4" opacity="0.4"/>`),
};

const BANNERS: BannerSeed[] = [
  {
    placement: "HOME_HERO", linkUrl: "/c/electronics", picture: "tech",
    title: ["Tech Week: up to 30% off", "Semana tecnológica: hasta un 30 % de descuento", "Semaine high-tech : jusqu’à -30 %", "أسبوع التقنية: خصم حتى 30٪", "科技周：低至七折"],
    subtitle: [
      "Phones, audio and laptops from shops we trust.", "Móviles, audio y portátiles de tiendas de confianza.", "Téléphones, audio et ordinateurs portables de boutiques de confiance.",
      "هواتف وسماعات وحواسيب محمولة من متاجر موثوقة.", "精选可信店铺的手机、音频设备和笔记本电脑。",
    ],
  },
  {
    placement: "HOME_HERO", linkUrl: "/c/home-kitchen", picture: "home",
    title: ["Make home feel calm", "Un hogar que da calma", "Une maison toute en douceur", "اجعل بيتك أكثر هدوءًا", "让家更安宁"],
    subtitle: [
      "Soft bedding, warm lamps and handmade decor.", "Ropa de cama suave, lámparas cálidas y decoración artesanal.", "Linge de lit doux, lampes chaleureuses et déco artisanale.",
      "مفارش ناعمة ومصابيح دافئة وديكور مصنوع يدويًا.", "柔软床品、温暖灯具与手工家居装饰。",
    ],
  },
  {
    placement: "HOME_HERO", linkUrl: "/c/fashion", picture: "fashion",
    title: ["New season, new layers", "Nueva temporada, nuevas capas", "Nouvelle saison, nouvelles tenues", "موسم جديد وإطلالات جديدة", "新季新搭配"],
    subtitle: [
      "Shirts, dresses and shoes from independent ateliers.", "Camisas, vestidos y zapatos de talleres independientes.", "Chemises, robes et chaussures d’ateliers indépendants.",
      "قمصان وفساتين وأحذية من مشاغل مستقلة.", "来自独立工作室的衬衫、连衣裙和鞋履。",
    ],
  },
  {
    placement: "HOME_STRIP", linkUrl: "/c/sports-outdoors", picture: "outdoors",
    title: ["Ready for the trail", "Listos para la ruta", "Prêts pour le sentier", "جاهز للمسارات", "整装出发"],
    subtitle: ["Tents, packs and training gear.", "Tiendas, mochilas y equipo de entrenamiento.", "Tentes, sacs et équipement d’entraînement.", "خيام وحقائب ومعدات تدريب.", "帐篷、背包和训练装备。"],
  },
  {
    placement: "HOME_STRIP", linkUrl: "/c/kitchen", picture: "kitchen",
    title: ["Cook like a chef", "Cocina como un chef", "Cuisinez comme un chef", "اطبخ كالمحترفين", "像大厨一样烹饪"],
    subtitle: ["Knives, pans and coffee gear.", "Cuchillos, sartenes y accesorios de café.", "Couteaux, poêles et accessoires à café.", "سكاكين ومقالٍ وأدوات قهوة.", "刀具、锅具和咖啡器具。"],
  },
  {
    placement: "HOME_STRIP", linkUrl: "/c/toys-games", picture: "toys",
    title: ["Play and learn", "Jugar y aprender", "Jouer et apprendre", "العب وتعلّم", "寓教于乐"],
    subtitle: ["Wooden toys and games for curious kids.", "Juguetes de madera y juegos para peques curiosos.", "Jouets en bois et jeux pour enfants curieux.", "ألعاب خشبية وألعاب ذكاء للأطفال الفضوليين.", "给好奇宝宝的木制玩具和游戏。"],
  },
  {
    placement: "CATEGORY_TOP", categorySlug: "electronics", linkUrl: "/c/audio", picture: "audio",
    title: ["Hear the difference", "Escucha la diferencia", "Entendez la différence", "اسمع الفرق", "聆听不同"],
    subtitle: [
      "Noise-cancelling headphones and speakers, tested by our sellers.", "Auriculares con cancelación de ruido y altavoces, probados por nuestros vendedores.",
      "Casques à réduction de bruit et enceintes, testés par nos vendeurs.", "سماعات بخاصية إلغاء الضوضاء ومكبرات صوت اختبرها بائعونا.", "降噪耳机和音箱，均经卖家实测。",
    ],
  },
  {
    placement: "CATEGORY_TOP", categorySlug: "fashion", linkUrl: "/c/men", picture: "linen",
    title: ["Linen season", "Temporada de lino", "La saison du lin", "موسم الكتان", "亚麻季"],
    subtitle: ["Breathable shirts and dresses for warm days.", "Camisas y vestidos transpirables para días cálidos.", "Chemises et robes respirantes pour les beaux jours.", "قمصان وفساتين خفيفة لأيام الدفء.", "透气衬衫与连衣裙，清爽一夏。"],
  },
];

/** Seeds the demo banners once; returns how many it wrote (0 when banners already exist). */
export async function seedBanners(db: PrismaClient, log: (line: string) => void = () => {}): Promise<number> {
  if ((await db.banner.count()) > 0) return 0;
  const categories = new Map((await db.category.findMany({ where: { slug: { in: ["electronics", "fashion"] } }, select: { id: true, slug: true } })).map((c) => [c.slug, c.id]));
  const images = new Map<string, string>();
  let count = 0;
  for (const seed of BANNERS) {
    const categoryId = seed.categorySlug ? categories.get(seed.categorySlug) : null;
    if (categoryId === undefined) continue; // the catalog seed did not run
    let imageId = images.get(seed.picture);
    if (!imageId) {
      const picture = PICTURES[seed.picture]!();
      // 24 hex digits, the shape of an upload's key (the /media route serves only those).
      const storageKey = crypto.createHash("sha256").update(`banner\n${picture}`).digest("hex").slice(0, 24);
      const { getMediaStorage } = await import("@/server/modules/media/providers");
      // The PNG is only needed when the copies are not stored yet.
      const bytes = (await getMediaStorage().exists(`${storageKey}/meta.json`)) ? Buffer.alloc(0) : await sharp(Buffer.from(picture)).png({ compressionLevel: 1 }).toBuffer();
      imageId = (await storeImageOnce(db, { bytes, fileName: `banner-${seed.picture}.png`, vendorId: null, storageKey })).id;
      images.set(seed.picture, imageId);
    }
    for (const [i, locale] of LOCALES.entries()) {
      await db.banner.create({
        data: {
          placement: seed.placement, categoryId, linkUrl: seed.linkUrl, imageId, title: seed.title[i]!, subtitle: seed.subtitle[i]!,
          locales: [locale], position: BANNERS.filter((b) => b.placement === seed.placement).indexOf(seed), active: true,
        },
      });
      count += 1;
    }
  }
  log(`seeded ${count} banners`);
  return count;
}
