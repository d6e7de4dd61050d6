"""Indonesian names for the sample city: streets, kelurahan, kecamatan, people, places.

Kelurahan are grouped under their kecamatan of Kota Gorontalo, with an approximate position in
the city (0 = west / coast, 1 = east / hills) so neighbouring kelurahan stay together.
"""

from __future__ import annotations

ARTERIAL_STREETS = (
    "Jl. Nani Wartabone", "Jl. Panjaitan", "Jl. Sultan Botutihe", "Jl. HB Jassin",
    "Jl. Jend. Sudirman", "Jl. Ahmad Yani", "Jl. Agus Salim", "Jl. Prof. Dr. Ing. B.J. Habibie",
    "Jl. Raja Eyato", "Jl. Sultan Amai", "Jl. Jaksa Agung Suprapto", "Jl. Trans Sulawesi",
    "Jl. Pangeran Hidayat", "Jl. John Ario Katili", "Jl. Rusli Datau", "Jl. Pertiwi",
)

COLLECTOR_STREETS = (
    "Jl. Jend. Ahmad Yani", "Jl. Diponegoro", "Jl. Imam Bonjol", "Jl. Kasuari",
    "Jl. Taman Pendidikan",
    "Jl. Andalas", "Jl. Samratulangi", "Jl. Hasanuddin", "Jl. Palma", "Jl. Teuku Umar",
    "Jl. Cokroaminoto", "Jl. Ki Hajar Dewantoro", "Jl. Jend. Gatot Subroto", "Jl. Kalengkongan",
    "Jl. Madura", "Jl. Sumatera", "Jl. Kalimantan", "Jl. Jawa", "Jl. Bali", "Jl. Irian",
    "Jl. Pangeran Diponegoro", "Jl. Arif Rahman Hakim", "Jl. Rachmat Gobel", "Jl. Beringin",
    "Jl. Thayeb Mohammad Gobel", "Jl. Kartini", "Jl. Pattimura", "Jl. Yos Sudarso",
)

LOCAL_STREETS = (
    "Jl. Merpati", "Jl. Kenari", "Jl. Cendrawasih", "Jl. Rajawali", "Jl. Elang", "Jl. Nuri",
    "Jl. Kakatua", "Jl. Maleo", "Jl. Anggrek", "Jl. Melati", "Jl. Mawar", "Jl. Kenanga",
    "Jl. Cempaka", "Jl. Flamboyan", "Jl. Dahlia", "Jl. Tulip", "Jl. Bougenville", "Jl. Seroja",
    "Jl. Manggis", "Jl. Durian", "Jl. Rambutan", "Jl. Salak", "Jl. Jambu", "Jl. Nangka",
    "Jl. Mangga", "Jl. Kelapa", "Jl. Cengkeh", "Jl. Pala", "Jl. Jagung", "Jl. Kopi",
    "Jl. Selayar", "Jl. Sangihe", "Jl. Talaud", "Jl. Bolaang", "Jl. Limboto", "Jl. Tapa",
    "Jl. Suwawa", "Jl. Kabila", "Jl. Telaga", "Jl. Batudaa", "Jl. Bongomeme", "Jl. Tibawa",
    "Jl. Dulupi", "Jl. Paguyaman", "Jl. Tilamuta", "Jl. Marisa", "Jl. Kwandang", "Jl. Atinggola",
    "Jl. Mohammad Hatta", "Jl. Dewi Sartika", "Jl. Cut Nyak Dien", "Jl. Tjut Meutia",
    "Jl. Sam Ratulangi", "Jl. Wolter Monginsidi", "Jl. Pierre Tendean", "Jl. Lapu-Lapu",
    "Jl. Bulotadaa", "Jl. Dulomo", "Jl. Tanggidaa", "Jl. Wonggaditi", "Jl. Bugis",
    "Jl. Pohe", "Jl. Tenda", "Jl. Siendeng", "Jl. Leato", "Jl. Talumolo", "Jl. Botu",
    "Jl. Ternate", "Jl. Tidore", "Jl. Makassar", "Jl. Manado", "Jl. Palu", "Jl. Poso",
    "Jl. Anoa", "Jl. Babirusa", "Jl. Tarsius", "Jl. Kancil", "Jl. Bangau", "Jl. Pipit",
)

# kecamatan -> (code, relative east, relative north, kelurahan names)
KECAMATAN: dict[str, tuple[str, float, float, tuple[str, ...]]] = {
    "Kota Barat": ("01", 0.10, 0.35, (
        "Buliide", "Dembe I", "Lekobalo", "Pilolodaa", "Tenilo", "Molosipat W", "Buladu")),
    "Kota Selatan": ("02", 0.42, 0.22, (
        "Biawao", "Biawu", "Limba B", "Limba U Dua", "Limba U Satu")),
    "Kota Utara": ("03", 0.75, 0.80, (
        "Dembe Jaya", "Dulomo", "Dulomo Selatan", "Wongkaditi", "Wongkaditi Barat", "Dembe II")),
    "Dungingi": ("04", 0.22, 0.65, (
        "Huangobotu", "Libuo", "Tomulabutao", "Tomulabutao Selatan", "Tuladenggi")),
    "Kota Timur": ("05", 0.72, 0.40, (
        "Heledulaa", "Heledulaa Selatan", "Ipilo", "Moodu", "Padebuolo", "Tamalate")),
    "Kota Tengah": ("06", 0.48, 0.52, (
        "Dulalowo", "Dulalowo Timur", "Liluwo", "Paguyaman", "Pulubala", "Wumialo")),
    "Sipatana": ("07", 0.45, 0.85, (
        "Bulotadaa", "Bulotadaa Timur", "Molosipat U", "Tanggikiki", "Tapa")),
    "Dumbo Raya": ("08", 0.88, 0.12, (
        "Botu", "Bugis", "Leato Selatan", "Leato Utara", "Talumolo")),
    "Hulonthalangi": ("09", 0.62, 0.08, (
        "Pohe", "Donggala", "Siendeng", "Tanjung Keramat", "Tenda")),
}

CITY_CODE = "75.71"
"""Kemendagri code of Kota Gorontalo (province 75, city 71)."""

# Inspectors by the department that inspects the asset.
INSPECTORS: dict[str, tuple[str, ...]] = {
    "PUPR": ("Rahmat Hulopi", "Siti Nurhaliza Pakaya", "Fadli Katili", "Yusuf Dunggio",
             "Nurain Lamusu"),
    "PDAM": ("Arfan Daud", "Sri Wahyuni Mohamad", "Irwan Tangahu", "Meiske Pomalingo"),
    "DISHUB": ("Hendra Nusi", "Fitriani Gobel", "Abdul Rahman Bumulo"),
    "PERKIM": ("Ramlah Hasan", "Sutrisno Usman", "Novita Ismail"),
    "BAPPEDA": ("Ahmad Habibie", "Yunita Abdullah"),
}

WORSHIP_NAMES = (
    "Masjid Hunto Sultan Amai", "Masjid Agung Baiturrahim", "Masjid Al-Huda", "Masjid Nurul Iman",
    "Masjid At-Taqwa", "Masjid Al-Muhajirin", "Masjid Al-Markaz", "Masjid Baitul Makmur",
    "Masjid Nurul Yaqin", "Masjid Al-Ikhlas", "Gereja Protestan Imanuel",
    "Gereja Katolik Santo Yoseph",
    "Klenteng Tri Dharma",
)

HOSPITAL_NAMES = (
    "RSUD Prof. Dr. H. Aloei Saboe", "RS Islam Gorontalo", "RS Bunda", "RS Multazam",
    "Klinik Pratama Kota Gorontalo",
)

GOVERNMENT_NAMES = (
    "Kantor Walikota Gorontalo", "Kantor DPRD Kota Gorontalo", "Dinas PUPR Kota Gorontalo",
    "Dinas Perhubungan Kota Gorontalo", "Kantor PDAM Kota Gorontalo", "BAPPEDA Kota Gorontalo",
    "Dinas Perkim Kota Gorontalo", "Kantor Pos Gorontalo", "Kantor Pajak Pratama Gorontalo",
)

SCHOOL_KINDS = ("SD Negeri", "SD Negeri", "SD Negeri", "SMP Negeri", "SMA Negeri", "SMK Negeri",
                "MI Al-Khairaat", "MTs Negeri")

SHOP_NAMES = (
    "Toko Sinar Jaya", "Toko Harapan", "Warung Ibu Sari", "Apotek Sehat", "Toko Bangunan Maju",
    "Rumah Makan Bilinthi", "Toko Kue Karawo", "Bengkel Motor Sejahtera", "Toko Emas Murni",
    "Warung Binte Biluhuta", "Minimarket Berkah", "Toko Elektronik Cahaya", "Kios Pulsa Barokah",
)

ROAD_NOTES = ("Drainase samping tersumbat", "Bahu jalan tergerus", "Perlu pengaspalan ulang",
              "Marka jalan pudar")
INSPECTION_NOTES = ("Perlu perbaikan segera", "Dilaporkan warga", "Pantau pada musim hujan",
                    "Sudah dilaporkan ke kepala bidang", "Perbaikan sementara dilakukan")


def roman(n: int) -> str:
    """Roman numeral for the repeat suffix of a reused street name (2 → II)."""
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def cycle_names(pool: tuple[str, ...], count: int) -> list[str]:
    """``count`` names from ``pool``; after the first round names get II, III… suffixes."""
    return [
        pool[i % len(pool)] + ("" if i < len(pool) else " " + roman(i // len(pool) + 1))
        for i in range(count)
    ]
