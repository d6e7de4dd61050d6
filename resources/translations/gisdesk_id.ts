<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name></name>
    <message>
        <source>User</source>
        <translation type="vanished">Pengguna</translation>
    </message>
    <message>
        <source>OPD</source>
        <translation type="vanished">OPD</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation type="vanished">Komputer</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="vanished">Lapisan</translation>
    </message>
    <message>
        <source>Feature UUID</source>
        <translation type="vanished">UUID fitur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="vanished">Tindakan</translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="vanished">Kolom</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation type="vanished">Nilai lama</translation>
    </message>
    <message>
        <source>New value</source>
        <translation type="vanished">Nilai baru</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../gisdesk/ui/about.py" line="+121"/>
        <source>About GIS Desk</source>
        <translation>Tentang GIS Desk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GIS Desk {version}</source>
        <translation>GIS Desk {version}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offline-first desktop GIS for city asset management.</source>
        <translation>SIG desktop yang bekerja tanpa jaringan untuk pengelolaan aset kota.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GIS Desk is free software under the GNU General Public License, version 3 or later ({licence}). It comes with ABSOLUTELY NO WARRANTY.</source>
        <translation>GIS Desk adalah perangkat lunak bebas di bawah GNU General Public License versi 3 atau yang lebih baru ({licence}). Perangkat lunak ini diberikan TANPA JAMINAN APA PUN.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Qt {qt} · Python {python}</source>
        <translation>Qt {qt} · Python {python}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Components and licences</source>
        <translation>Komponen dan lisensi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt and map data</source>
        <translation>Qt dan data peta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Component</source>
        <translation>Komponen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Version</source>
        <translation>Versi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Licence</source>
        <translation>Lisensi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Used for</source>
        <translation>Digunakan untuk</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>GIS Desk uses the Qt libraries through PySide6 under the GNU Lesser General Public License version 3 (LGPLv3). GIS Desk does not modify Qt and loads it as separate shared libraries, so you may replace them with your own build of the same Qt version. In this installation they are loaded from:</source>
        <translation>GIS Desk menggunakan pustaka Qt melalui PySide6 di bawah GNU Lesser General Public License versi 3 (LGPLv3). GIS Desk tidak mengubah Qt dan memuatnya sebagai pustaka bersama yang terpisah, sehingga Anda boleh menggantinya dengan hasil build Anda sendiri dari versi Qt yang sama. Pada instalasi ini pustaka tersebut dimuat dari:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Replace the Qt and PySide6 files in that folder (or install your PySide6 build into the same Python environment). The source code of Qt is at &lt;a href=&quot;https://download.qt.io/&quot;&gt;download.qt.io&lt;/a&gt;; the full licence text and the details are under Qt / PySide6 in the Components and licences tab.</source>
        <translation>Ganti berkas Qt dan PySide6 di folder itu (atau pasang build PySide6 Anda ke lingkungan Python yang sama). Kode sumber Qt tersedia di &lt;a href=&quot;https://download.qt.io/&quot;&gt;download.qt.io&lt;/a&gt;; teks lisensi lengkap dan rinciannya ada pada Qt / PySide6 di tab Komponen dan lisensi.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Map data: the sample city is made up and GIS Desk ships no OpenStreetMap data. Web maps exported with the optional online OpenStreetMap background, and maps made from OpenStreetMap data, must credit: {attribution}.</source>
        <translation>Data peta: kota contoh adalah rekaan dan GIS Desk tidak menyertakan data OpenStreetMap. Peta web yang diekspor dengan latar daring OpenStreetMap (opsional), dan peta yang dibuat dari data OpenStreetMap, wajib mencantumkan: {attribution}.</translation>
    </message>
</context>
<context>
    <name>AnalysisUi</name>
    <message>
        <location filename="../../gisdesk/ui/analysis/analysis_ui.py" line="+60"/>
        <source>Cannot isolate the break</source>
        <translation>Kebocoran tidak dapat diisolasi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Still isolating the last break; wait or cancel it.</source>
        <translation>Isolasi kebocoran sebelumnya masih berjalan; tunggu atau batalkan.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drain trace</source>
        <translation>Penelusuran saluran</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>&amp;Analysis</source>
        <translation>&amp;Analisis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved &amp;Queries</source>
        <translation>&amp;Kueri Tersimpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analysis results</source>
        <translation>Hasil analisis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select by &amp;Expression…</source>
        <translation>Pilih dengan &amp;Ekspresi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select by &amp;Location…</source>
        <translation>Pilih berdasarkan &amp;Lokasi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nearest Features…</source>
        <translation>Fitur &amp;Terdekat…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summaries by &amp;Area…</source>
        <translation>Ringkasan per &amp;Wilayah…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Isolate Break (click a main)</source>
        <translation>&amp;Isolasi Kebocoran (klik pipa)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace &amp;Downstream (click a drain)</source>
        <translation>Telusuri ke &amp;Hilir (klik saluran)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace &amp;Upstream (click a drain)</source>
        <translation>Telusuri ke H&amp;ulu (klik saluran)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network &amp;Check (water mains)</source>
        <translation>Periksa &amp;Jaringan (pipa air)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network Chec&amp;k (drains)</source>
        <translation>Periksa Jaringan (s&amp;aluran)</translation>
    </message>
    <message>
        <source>Network Check (d&amp;rains)</source>
        <translation type="vanished">Periksa Jaringan (s&amp;aluran)</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>No {layer} layer is open.</source>
        <translation>Tidak ada lapisan {layer} yang terbuka.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Network check</source>
        <translation>Pemeriksaan jaringan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Network check of {layer}: {n} connected pieces</source>
        <translation>Pemeriksaan jaringan {layer}: {n} bagian terhubung</translation>
    </message>
    <message>
        <source>Network &amp;Check</source>
        <translation type="vanished">Periksa &amp;Jaringan</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>&amp;Risk &amp;&amp; Programme…</source>
        <translation>&amp;Risiko &amp;&amp; Program…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Buffer…</source>
        <translation>&amp;Penyangga (buffer)…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Cannot run the query</source>
        <translation>Kueri tidak dapat dijalankan</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Buffer</source>
        <translation>Penyangga (buffer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distance around {layer} (m)</source>
        <translation>Jarak di sekitar {layer} (m)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot buffer</source>
        <translation>Tidak dapat membuat penyangga</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+15"/>
        <source>Network check failed</source>
        <translation>Pemeriksaan jaringan gagal</translation>
    </message>
    <message>
        <source>Network check: {n} connected pieces</source>
        <translation type="vanished">Pemeriksaan jaringan: {n} bagian terhubung</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Break on {main}: {v} valves to close, {m} dry mains, {b} buildings without water</source>
        <translation>Kebocoran di {main}: {v} katup ditutup, {m} pipa kering, {b} bangunan tanpa air</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../gisdesk/ui/app.py" line="+74"/>
        <source>GIS Desk cannot start</source>
        <translation>GIS Desk tidak dapat dijalankan</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Preparing the sample city of Gorontalo…</source>
        <translation>Menyiapkan contoh data Kota Gorontalo…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preparing the sample city: {layer} ({n})</source>
        <translation>Menyiapkan contoh data kota: {layer} ({n})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sample city unavailable</source>
        <translation>Contoh data kota tidak tersedia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not create the sample data in {path}: {error}
Use File ▸ Open Data to open your own files.</source>
        <translation>Contoh data tidak dapat dibuat di {path}: {error}
Gunakan Berkas ▸ Buka Data untuk membuka berkas Anda sendiri.</translation>
    </message>
    <message>
        <source>{n} layer definition(s) have errors</source>
        <translation type="vanished">{n} definisi lapisan mengandung kesalahan</translation>
    </message>
</context>
<context>
    <name>AssetHistoryDialog</name>
    <message>
        <location filename="../../gisdesk/ui/sync/dialogs.py" line="+410"/>
        <source>Asset history</source>
        <translation>Riwayat aset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>added</source>
        <translation>ditambahkan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changed</source>
        <translation>diubah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleted</source>
        <translation>dihapus</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Time (UTC)</source>
        <translation>Waktu (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Author</source>
        <translation>Pembuat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revision</source>
        <translation>Revisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>Sebelum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>Sesudah</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub has no change recorded for this asset: it is as it was checked out.</source>
        <translation>Hub tidak mencatat perubahan apa pun untuk aset ini: aset masih seperti saat diambil.</translation>
    </message>
</context>
<context>
    <name>AssetTablesUi</name>
    <message>
        <location filename="../../gisdesk/ui/table/install.py" line="+78"/>
        <source>Open Attribute Table</source>
        <translation>Buka Tabel Atribut</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Layer</source>
        <translation>&amp;Lapisan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Attribute Table</source>
        <translation>Buka Tabel &amp;Atribut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Feature &amp;Form</source>
        <translation>Buka &amp;Formulir Fitur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I&amp;nspect</source>
        <translation>Per&amp;iksa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click an asset on the map to record an inspection</source>
        <translation>Klik aset di peta untuk mencatat pemeriksaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Overdue Inspections</source>
        <translation>Pemeriksaan &amp;Terlambat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Condition Charts</source>
        <translation>Grafik &amp;Kondisi</translation>
    </message>
</context>
<context>
    <name>AttributeDialog</name>
    <message>
        <location filename="../../gisdesk/ui/editing/attribute_dialog.py" line="+89"/>
        <source>New feature: {layer}</source>
        <translation>Fitur baru: {layer}</translation>
    </message>
</context>
<context>
    <name>AttributeTable</name>
    <message>
        <location filename="../../gisdesk/ui/table/table_widget.py" line="+113"/>
        <source>Attribute table — {layer}</source>
        <translation>Tabel atribut — {layer}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quick search…</source>
        <translation>Cari cepat…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter expression, e.g. &quot;condition&quot; &lt;= 2</source>
        <translation>Ekspresi filter, mis. &quot;condition&quot; &lt;= 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected only</source>
        <translation>Hanya yang dipilih</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edited only</source>
        <translation>Hanya yang disunting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom to selection</source>
        <translation>Perbesar ke pilihan</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>{shown} of {total} features</source>
        <translation>{shown} dari {total} fitur</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <location filename="../../gisdesk/ui/panels/audit_panel.py" line="+288"/>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Layer</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Segarkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <location line="-240"/>
        <source>Added</source>
        <translation>Ditambahkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attribute changed</source>
        <translation>Atribut diubah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geometry changed</source>
        <translation>Geometri diubah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>Dihapus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inspection</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location line="+240"/>
        <location line="+20"/>
        <location line="+23"/>
        <source>(all)</source>
        <translation>(semua)</translation>
    </message>
    <message numerus="yes">
        <location line="-12"/>
        <source>%n change(s) shown</source>
        <translation>
            <numerusform>%n perubahan ditampilkan</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Export audit trail</source>
        <translation>Ekspor jejak audit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export failed</source>
        <translation>Ekspor gagal</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location line="-191"/>
        <source>{shown}
Stored as: {stored}</source>
        <translation>{shown}
Tersimpan sebagai: {stored}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>When (UTC)</source>
        <translation>Waktu (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OPD</source>
        <translation>OPD</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Workstation</source>
        <translation>Komputer kerja</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Feature UUID</source>
        <translation>UUID fitur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Old value</source>
        <translation>Nilai lama</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New value</source>
        <translation>Nilai baru</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <location filename="../../gisdesk/ui/sync/dialogs.py" line="+18"/>
        <source>Check out from hub</source>
        <translation>Ambil dari hub</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hub folder, or postgresql:service=…</source>
        <translation>folder hub, atau postgresql:service=…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Folder…</source>
        <translation>Folder…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New working copy</source>
        <translation>Salinan kerja baru</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose a folder</source>
        <translation>Pilih folder</translation>
    </message>
</context>
<context>
    <name>ConditionCharts</name>
    <message>
        <location filename="../../gisdesk/ui/inspections/condition_charts.py" line="+87"/>
        <source>Condition distribution</source>
        <translation>Sebaran kondisi</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No layer with a condition is open.</source>
        <translation>Tidak ada lapisan dengan kondisi yang terbuka.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{n} assets without a condition (never inspected)</source>
        <translation>{n} aset tanpa kondisi (belum pernah diperiksa)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Assets per condition</source>
        <translation>Aset per kondisi</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Condition per kelurahan</source>
        <translation>Kondisi per kelurahan</translation>
    </message>
</context>
<context>
    <name>ConditionStats</name>
    <message>
        <location filename="../../gisdesk/core/condition_stats.py" line="+153"/>
        <source>Layer &apos;{layer}&apos; has no field &apos;{field}&apos;.</source>
        <translation>Lapisan &apos;{layer}&apos; tidak memiliki kolom &apos;{field}&apos;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(outside the districts)</source>
        <translation>(di luar kelurahan)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../gisdesk/ui/sync/dialogs.py" line="-266"/>
        <source>Resolve conflicts</source>
        <translation>Selesaikan konflik</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base</source>
        <translation>Dasar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mine</source>
        <translation>Milik saya</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Theirs</source>
        <translation>Milik mereka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The value you do not keep stays in the hub&apos;s conflict record and can be restored.</source>
        <translation>Nilai yang tidak Anda pertahankan tetap tersimpan di catatan konflik hub dan dapat dipulihkan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep mine</source>
        <translation>Pertahankan milik saya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep theirs</source>
        <translation>Pertahankan milik mereka</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>(whole feature)</source>
        <translation>(seluruh fitur)</translation>
    </message>
</context>
<context>
    <name>DefinitionProblemsButton</name>
    <message numerus="yes">
        <location filename="../../gisdesk/ui/dialogs/definition_problems_dialog.py" line="+115"/>
        <source>%n layer definition problem(s)</source>
        <translation>
            <numerusform>%n masalah definisi lapisan</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show which definition files are broken and why</source>
        <translation>Tampilkan berkas definisi mana yang rusak dan alasannya</translation>
    </message>
</context>
<context>
    <name>DefinitionProblemsDialog</name>
    <message>
        <location line="-54"/>
        <source>Layer definition problems</source>
        <translation>Masalah definisi lapisan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Letak</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These layer definitions could not be loaded. The other layers work; layers these files describe open without their style, form and rules. Correct the files and restart GIS Desk.</source>
        <translation>Definisi lapisan ini tidak dapat dimuat. Lapisan lain tetap berfungsi; lapisan yang dijelaskan berkas-berkas ini dibuka tanpa gaya, formulir, dan aturannya. Perbaiki berkasnya lalu mulai ulang GIS Desk.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All layer definitions loaded without problems.</source>
        <translation>Semua definisi lapisan dimuat tanpa masalah.</translation>
    </message>
</context>
<context>
    <name>EditTools</name>
    <message>
        <location filename="../../gisdesk/ui/editing/map_edit_tools.py" line="+227"/>
        <source>A polygon needs at least three corners.</source>
        <translation>Poligon memerlukan paling sedikit tiga titik sudut.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Click on a line to split it.</source>
        <translation>Klik pada garis untuk memotongnya.</translation>
    </message>
</context>
<context>
    <name>EditingController</name>
    <message>
        <location filename="../../gisdesk/ui/editing/controller.py" line="+101"/>
        <source>Choose a layer in the Layers panel first.</source>
        <translation>Pilih lapisan di panel Lapisan terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layer &apos;{layer}&apos; has no definition, so it cannot be edited.</source>
        <translation>Lapisan &apos;{layer}&apos; tidak memiliki definisi, sehingga tidak dapat disunting.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only layers from a GeoPackage can be edited.</source>
        <translation>Hanya lapisan dari GeoPackage yang dapat disunting.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Edit refused</source>
        <translation>Suntingan ditolak</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Edits not saved</source>
        <translation>Suntingan tidak tersimpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your edits are kept in this session and in the recovery journal. Fix the problem and save again.</source>
        <translation>Suntingan Anda tetap tersimpan di sesi ini dan di jurnal pemulihan. Perbaiki masalahnya lalu simpan kembali.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved: {i} added, {u} changed, {d} deleted</source>
        <translation>Tersimpan: {i} ditambahkan, {u} diubah, {d} dihapus</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unsaved edits</source>
        <translation>Suntingan belum disimpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There are unsaved edits. Save them before closing?</source>
        <translation>Ada suntingan yang belum disimpan. Simpan sebelum menutup?</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>Restore %n unsaved edit(s) from {time}?</source>
        <translation>
            <numerusform>Pulihkan %n suntingan yang belum disimpan dari {time}?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsaved edits found</source>
        <translation>Ditemukan suntingan yang belum disimpan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n edit(s) restored</source>
        <translation>
            <numerusform>%n suntingan dipulihkan</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditingUi</name>
    <message>
        <location filename="../../gisdesk/ui/editing/editing_ui.py" line="+160"/>
        <source>Start or stop editing the current layer</source>
        <translation>Mulai atau hentikan penyuntingan lapisan saat ini</translation>
    </message>
    <message numerus="yes">
        <location line="+49"/>
        <source>Warning: the new line does not connect to the network at %n end(s). Check that it snaps to an existing main.</source>
        <translation>
            <numerusform>Peringatan: garis baru tidak tersambung ke jaringan pada %n ujung. Pastikan garis menempel (snap) ke pipa yang ada.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select features of the edited layer first.</source>
        <translation>Pilih fitur pada lapisan yang sedang disunting terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete features</source>
        <translation>Hapus fitur</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n selected feature(s) from {layer}?</source>
        <translation>
            <numerusform>Hapus %n fitur terpilih dari {layer}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Delete %n feature(s)</source>
        <translation>
            <numerusform>Hapus %n fitur</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Select a feature first.</source>
        <translation>Pilih fitur terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../gisdesk/ui/editing/ui_texts.py" line="+19"/>
        <source>Add Feature</source>
        <translation>Tambah Fitur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click to place vertices; double-click or Enter finishes, Backspace removes the last vertex, Esc cancels</source>
        <translation>Klik untuk menaruh titik sudut; klik ganda atau Enter menyelesaikan, Backspace menghapus titik sudut terakhir, Esc membatalkan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move Feature</source>
        <translation>Pindahkan Fitur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag a feature to move it</source>
        <translation>Seret fitur untuk memindahkannya</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vertex Tool</source>
        <translation>Alat Titik Sudut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag a vertex to move it, double-click a segment to add one, select one and press Delete to remove it</source>
        <translation>Seret titik sudut untuk memindahkannya, klik ganda pada segmen untuk menambah satu, pilih satu lalu tekan Delete untuk menghapusnya</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Split Line</source>
        <translation>Pisahkan Garis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click on a line where it should be split</source>
        <translation>Klik pada garis di tempat garis harus dipisahkan</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Toggle &amp;Editing</source>
        <translation>Aktifkan/Matikan &amp;Penyuntingan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete Selected</source>
        <translation>&amp;Hapus yang Dipilih</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snapping</source>
        <translation>Penjepretan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snap to vertices and segments of visible layers (S on the map while editing)</source>
        <translation>Jepretkan ke titik sudut dan segmen lapisan yang tampak (S di peta saat menyunting)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save Edits</source>
        <translation>&amp;Simpan Suntingan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feature &amp;History</source>
        <translation>&amp;Riwayat Fitur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User Profile…</source>
        <translation>&amp;Profil Pengguna…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>Ula&amp;ngi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;no edits&gt;</source>
        <translation>&lt;tidak ada suntingan&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Editing</source>
        <translation>Penyuntingan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo History</source>
        <translation>Riwayat Urungkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feature History</source>
        <translation>Riwayat Fitur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit Trail</source>
        <translation>Jejak Audit</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <location filename="../../gisdesk/core/edits_frame.py" line="+92"/>
        <source>Layer &apos;{layer}&apos; has no feature with UUID {uuid}.</source>
        <translation>Lapisan &apos;{layer}&apos; tidak memiliki fitur dengan UUID {uuid}.</translation>
    </message>
    <message>
        <location filename="../../gisdesk/core/edits_session.py" line="+93"/>
        <source>Nothing to undo.</source>
        <translation>Tidak ada yang dapat dibatalkan.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing to redo.</source>
        <translation>Tidak ada yang dapat diulang.</translation>
    </message>
    <message>
        <location filename="../../gisdesk/core/edits.py" line="+63"/>
        <source>Layer &apos;{layer}&apos; is not open in the project.</source>
        <translation>Lapisan &apos;{layer}&apos; tidak terbuka di proyek.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Layer &apos;{layer}&apos; has no definition, so it cannot be edited.</source>
        <translation>Lapisan &apos;{layer}&apos; tidak memiliki definisi, sehingga tidak dapat disunting.</translation>
    </message>
    <message>
        <source>Set {field} of {uuid}</source>
        <translation type="vanished">Ubah {field} pada {uuid}</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>Set {field} of {feature}</source>
        <translation>Ubah {field} {feature}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the field is read-only</source>
        <translation>kolom ini hanya-baca</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a geometry is required</source>
        <translation>geometri wajib diisi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a {got} cannot go into a {want} layer</source>
        <translation>{got} tidak dapat dimasukkan ke lapisan {want}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a line needs at least two distinct points</source>
        <translation>garis memerlukan setidaknya dua titik yang berbeda</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>invalid geometry: {reason}</source>
        <translation>geometri tidak valid: {reason}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>UUID {uuid} is already used in this layer</source>
        <translation>UUID {uuid} sudah dipakai di lapisan ini</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add {feature} to {layer}</source>
        <translation>Tambah {feature} ke {layer}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Delete {feature} from {layer}</source>
        <translation>Hapus {feature} dari {layer}</translation>
    </message>
    <message>
        <source>Add feature {uuid}</source>
        <translation type="vanished">Tambah fitur {uuid}</translation>
    </message>
    <message>
        <source>Delete feature {uuid}</source>
        <translation type="vanished">Hapus fitur {uuid}</translation>
    </message>
    <message>
        <location filename="../../gisdesk/core/edits_geometry.py" line="+36"/>
        <source>the layer has no geometry</source>
        <translation>lapisan ini tidak memiliki geometri</translation>
    </message>
    <message>
        <source>Change geometry of {uuid}</source>
        <translation type="vanished">Ubah geometri {uuid}</translation>
    </message>
    <message>
        <source>Split line {uuid}</source>
        <translation type="vanished">Pisahkan garis {uuid}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Change geometry of {feature}</source>
        <translation>Ubah geometri {feature}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Split line {feature}</source>
        <translation>Pisahkan garis {feature}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>only single lines split</source>
        <translation>hanya garis tunggal yang dapat dipisahkan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the split point is at an end of the line</source>
        <translation>titik pemisah berada di ujung garis</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../gisdesk/export/tables.py" line="+126"/>
        <source>{0}: tables can be written as .csv or .xlsx, not &apos;{1}&apos;</source>
        <translation>{0}: tabel dapat ditulis sebagai .csv atau .xlsx, bukan &apos;{1}&apos;</translation>
    </message>
    <message>
        <location filename="../../gisdesk/commands/export_layer.py" line="+45"/>
        <location filename="../../gisdesk/commands/export_web.py" line="+50"/>
        <source>file not found: {0}</source>
        <translation>berkas tidak ditemukan: {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} (layer &apos;{1}&apos;): bad --where expression: {2}</source>
        <translation>{0} (lapisan &apos;{1}&apos;): ekspresi --where tidak valid: {2}</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../gisdesk/commands/export_web.py" line="+16"/>
        <source>warning: {0}</source>
        <translation>peringatan: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no CRS</source>
        <translation>tanpa CRS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>table without geometry</source>
        <translation>tabel tanpa geometri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrote {0}: {1} features ({2}, {3})</source>
        <translation>{0} telah ditulis: {1} fitur ({2}, {3})</translation>
    </message>
    <message>
        <location filename="../../gisdesk/commands/export_table.py" line="+44"/>
        <source>wrote {0}: {1} rows, {2} columns</source>
        <translation>{0} telah ditulis: {1} baris, {2} kolom</translation>
    </message>
    <message>
        <location filename="../../gisdesk/commands/export_map.py" line="+64"/>
        <source>--scale must be positive</source>
        <translation>--scale harus positif</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../gisdesk/commands/export_web.py" line="+6"/>
        <source>{0}: no layer named {1} (layers: {2})</source>
        <translation>{0}: tidak ada lapisan bernama {1} (lapisan: {2})</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>--out must end in .pdf or .png: {0}</source>
        <translation>--out harus berakhiran .pdf atau .png: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an atlas is written as PDF: use --out NAME.pdf</source>
        <translation>atlas ditulis sebagai PDF: gunakan --out NAMA.pdf</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>wrote {0}: {1} pages</source>
        <translation>{0} telah ditulis: {1} halaman</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>wrote {0} ({1} {2}, 1:{3:,.0f})</source>
        <translation>{0} telah ditulis ({1} {2}, 1:{3:,.0f})</translation>
    </message>
    <message>
        <location filename="../../gisdesk/commands/export_web.py" line="+13"/>
        <source>bad --where expression: {0}</source>
        <translation>ekspresi --where tidak valid: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>note: --where not applied to layer &apos;{0}&apos; (it lacks {1})</source>
        <translation>catatan: --where tidak diterapkan pada lapisan &apos;{0}&apos; (lapisan itu tidak memiliki {1})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>layer &apos;{0}&apos;: bad --where expression: {1}</source>
        <translation>lapisan &apos;{0}&apos;: ekspresi --where tidak valid: {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no layer has the fields named in --where: {0}</source>
        <translation>tidak ada lapisan yang memiliki kolom yang disebut dalam --where: {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--max-features must be positive</source>
        <translation>--max-features harus bernilai positif</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>note: {0}</source>
        <translation>catatan: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>wrote {0}: {1} layers, {2} features, {3:.1f} MB</source>
        <translation>{0} telah ditulis: {1} lapisan, {2} fitur, {3:.1f} MB</translation>
    </message>
    <message>
        <location filename="../../gisdesk/export/layers.py" line="+70"/>
        <source>{0}: cannot export to &apos;{1}&apos; files; use one of {2}</source>
        <translation>{0}: tidak dapat mengekspor ke berkas &apos;{1}&apos;; gunakan salah satu dari {2}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{0}: {1} is in the same folder and both would use {2}; GDAL would read one file with the other&apos;s CRS. Choose another file name.</source>
        <translation>{0}: {1} berada di folder yang sama dan keduanya akan memakai {2}; GDAL akan membaca satu berkas dengan CRS berkas lainnya. Pilih nama berkas lain.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>{0}: layer &apos;{1}&apos; has no geometry; export it as .gpkg, .csv (or a table as .xlsx)</source>
        <translation>{0}: lapisan &apos;{1}&apos; tidak memiliki geometri; ekspor sebagai .gpkg, .csv (atau tabel sebagai .xlsx)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0}: shapefile field names are cut to 10 characters: {1}</source>
        <translation>{0}: nama kolom shapefile dipotong menjadi 10 karakter: {1}</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../gisdesk/query/output.py" line="+91"/>
        <source>Cannot write layer &apos;{0}&apos; to {1}: {2}</source>
        <translation>Tidak dapat menulis lapisan &apos;{0}&apos; ke {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../gisdesk/commands/export_report.py" line="+32"/>
        <source>--out must end in .html: {0}</source>
        <translation>--out harus berakhiran .html: {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>wrote {0}: {1} asset layers, {2} months of inspections</source>
        <translation>{0} telah ditulis: {1} lapisan aset, {2} bulan pemeriksaan</translation>
    </message>
    <message>
        <location filename="../../gisdesk/paths.py" line="+133"/>
        <source>cannot write {0}: {1} is a file, not a folder</source>
        <translation>tidak dapat menulis {0}: {1} adalah berkas, bukan folder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot write {0}: cannot create the folder {1} ({2})</source>
        <translation>tidak dapat menulis {0}: folder {1} tidak dapat dibuat ({2})</translation>
    </message>
</context>
<context>
    <name>Expression</name>
    <message>
        <location filename="../../gisdesk/query/expression/__init__.py" line="+72"/>
        <source>A filter must be a condition (true/false) but this gives {0}</source>
        <translation>Filter harus berupa kondisi (benar/salah), tetapi ekspresi ini menghasilkan {0}</translation>
    </message>
    <message>
        <location filename="../../gisdesk/query/expression/evaluate.py" line="+79"/>
        <source>Unknown field &quot;{0}&quot; in layer &apos;{1}&apos;. Valid fields: {2}</source>
        <translation>Kolom &quot;{0}&quot; tidak dikenal pada lapisan &apos;{1}&apos;. Kolom yang valid: {2}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Unknown variable {0}. Known: {1}</source>
        <translation>Variabel {0} tidak dikenal. Yang dikenal: {1}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} needs a layer with geometries; &apos;{1}&apos; has none</source>
        <translation>{0} memerlukan lapisan yang memiliki geometri; &apos;{1}&apos; tidak memilikinya</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Unknown function {0}(). Known functions: {1}</source>
        <translation>Fungsi {0}() tidak dikenal. Fungsi yang dikenal: {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0}() takes {1} to {2} arguments, not {3}</source>
        <translation>{0}() menerima {1} sampai {2} argumen, bukan {3}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>LIKE needs a text pattern such as &apos;Jl. %&apos;</source>
        <translation>LIKE memerlukan pola teks, misalnya &apos;Jl. %&apos;</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>&apos;{0}&apos; is not a label of field &quot;{1}&quot;. Labels: {2}</source>
        <translation>&apos;{0}&apos; bukan label kolom &quot;{1}&quot;. Label yang ada: {2}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} is not a date (write dates as &apos;YYYY-MM-DD&apos;)</source>
        <translation>{0} bukan tanggal (tulis tanggal sebagai &apos;TTTT-BB-HH&apos;)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type mismatch: cannot compare {0} ({1}) with {2} ({3})</source>
        <translation>Tipe tidak cocok: {0} ({1}) tidak dapat dibandingkan dengan {2} ({3})</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{0} needs a condition (true/false) but {1} is {2}</source>
        <translation>{0} memerlukan kondisi (benar/salah), tetapi {1} adalah {2}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (use || to join text)</source>
        <translation> (gunakan || untuk menggabungkan teks)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type mismatch: &apos;{0}&apos; needs numbers but {1} is {2}{3}</source>
        <translation>Tipe tidak cocok: &apos;{0}&apos; memerlukan angka, tetapi {1} adalah {2}{3}</translation>
    </message>
    <message>
        <location filename="../../gisdesk/query/expression/functions.py" line="+39"/>
        <source>{0}() expects {1} but argument {2} is {3}</source>
        <translation>{0}() memerlukan {1}, tetapi argumen {2} adalah {3}</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>coalesce() arguments mix kinds: {0}</source>
        <translation>argumen coalesce() berbeda jenis: {0}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{0}() needs a fixed number of digits</source>
        <translation>{0}() memerlukan jumlah digit yang tetap</translation>
    </message>
    <message>
        <location filename="../../gisdesk/query/expression/lexer.py" line="+64"/>
        <source>Unexpected character &apos;{0}&apos;</source>
        <translation>Karakter &apos;{0}&apos; tidak terduga</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Unterminated {0}: missing closing {1}</source>
        <translation>{0} tidak ditutup: {1} penutup tidak ada</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Expected a variable name after &apos;$&apos;</source>
        <translation>Nama variabel diharapkan setelah &apos;$&apos;</translation>
    </message>
    <message>
        <location filename="../../gisdesk/query/expression/parser.py" line="+39"/>
        <source>The expression is empty</source>
        <translation>Ekspresi kosong</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Expected &apos;{0}&apos; but found {1}</source>
        <translation>Diharapkan &apos;{0}&apos;, tetapi ditemukan {1}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the end of the expression</source>
        <translation>akhir ekspresi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unexpected {0} after a complete expression</source>
        <translation>{0} tidak terduga setelah ekspresi yang lengkap</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Comparisons cannot be chained; use AND</source>
        <translation>Perbandingan tidak dapat dirangkai; gunakan AND</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Expected a value, field or function but found {0}</source>
        <translation>Diharapkan nilai, kolom, atau fungsi, tetapi ditemukan {0}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Expected IN, LIKE, ILIKE or BETWEEN after NOT</source>
        <translation>Diharapkan IN, LIKE, ILIKE, atau BETWEEN setelah NOT</translation>
    </message>
</context>
<context>
    <name>ExpressionBuilderDialog</name>
    <message>
        <location filename="../../gisdesk/ui/analysis/expression_builder.py" line="+57"/>
        <source>Expression — {layer}</source>
        <translation>Ekspresi — {layer}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save query…</source>
        <translation>Simpan kueri…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Fields</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values (double-click to insert)</source>
        <translation>Nilai (klik ganda untuk menyisipkan)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Type an expression, e.g. &quot;condition&quot; &lt;= 2</source>
        <translation>Ketik ekspresi, mis. &quot;condition&quot; &lt;= 2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{n} of {total} features match</source>
        <translation>{n} dari {total} fitur cocok</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save query</source>
        <translation>Simpan kueri</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot save query</source>
        <translation>Kueri tidak dapat disimpan</translation>
    </message>
</context>
<context>
    <name>FeatureForm</name>
    <message>
        <location filename="../../gisdesk/ui/forms/feature_form.py" line="+119"/>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>New feature — {layer}</source>
        <translation>Fitur baru — {layer}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feature — {layer}</source>
        <translation>Fitur — {layer}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attributes</source>
        <translation>Atribut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspections</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Please correct the marked fields.</source>
        <translation>Perbaiki kolom yang ditandai.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Edit {feature}</source>
        <translation>Sunting {feature}</translation>
    </message>
    <message>
        <source>Edit feature</source>
        <translation type="vanished">Sunting fitur</translation>
    </message>
</context>
<context>
    <name>FeatureHistoryPanel</name>
    <message>
        <location filename="../../gisdesk/ui/panels/history_panel.py" line="+63"/>
        <source>When (UTC)</source>
        <translation>Waktu (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Workstation</source>
        <translation>Komputer kerja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Old → new</source>
        <translation>Lama → baru</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inspector</source>
        <translation>Pemeriksa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Condition</source>
        <translation>Kondisi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Defects</source>
        <translation>Kerusakan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next due</source>
        <translation>Jatuh tempo berikutnya</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspections</source>
        <translation>Pemeriksaan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a feature and choose Edit ▸ Feature History.</source>
        <translation>Pilih fitur lalu pilih Sunting ▸ Riwayat Fitur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>History of {uuid} in {layer}</source>
        <translation>Riwayat {uuid} di {layer}</translation>
    </message>
</context>
<context>
    <name>FieldDelegate</name>
    <message>
        <location filename="../../gisdesk/ui/table/delegates.py" line="+96"/>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../gisdesk/ui/sync/dialogs.py" line="+60"/>
        <source>Sync history</source>
        <translation>Riwayat sinkronisasi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revision</source>
        <translation>Revisi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time (UTC)</source>
        <translation>Waktu (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Author</source>
        <translation>Pembuat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Layer</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Asset UUID</source>
        <translation>UUID aset</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fields</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Revisions</source>
        <translation>Revisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts (%1)</source>
        <translation>Konflik (%1)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>added</source>
        <translation>ditambahkan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changed</source>
        <translation>diubah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleted</source>
        <translation>dihapus</translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <location filename="../../gisdesk/ui/panels/identify_panel.py" line="+209"/>
        <source>Feature {0} of {1}</source>
        <translation>Fitur {0} dari {1}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Length</source>
        <translation>Panjang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Area</source>
        <translation>Luas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Coordinates</source>
        <translation>Koordinat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No feature identified</source>
        <translation>Tidak ada fitur yang teridentifikasi</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No features selected</source>
        <translation>Tidak ada fitur yang dipilih</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n feature(s) selected</source>
        <translation>
            <numerusform>%n fitur dipilih</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Identify</source>
        <translation>Identifikasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous</source>
        <translation>Sebelumnya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Berikutnya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
</context>
<context>
    <name>Info</name>
    <message>
        <location filename="../../gisdesk/commands/info.py" line="+70"/>
        <source>layer</source>
        <translation>lapisan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>geometry</source>
        <translation>geometri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>features</source>
        <translation>fitur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CRS</source>
        <translation>CRS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fields</source>
        <translation>kolom</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{n} layer(s)</source>
        <translation>{n} lapisan</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>custom (WKT)</source>
        <translation>kustom (WKT)</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../gisdesk/ui/inspections/dialog.py" line="+144"/>
        <source>Inspect — {asset}</source>
        <translation>Periksa — {asset}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{layer}: {asset}</source>
        <translation>{layer}: {asset}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inspector</source>
        <translation>Pemeriksa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Condition</source>
        <translation>Kondisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Defects</source>
        <translation>Kerusakan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Photos</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next inspection due</source>
        <translation>Pemeriksaan berikutnya</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add photos…</source>
        <translation>Tambah foto…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Attach photos</source>
        <translation>Lampirkan foto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.heic)</source>
        <translation>Gambar (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.heic)</translation>
    </message>
</context>
<context>
    <name>InspectionHistory</name>
    <message>
        <location filename="../../gisdesk/ui/inspections/history.py" line="+90"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inspector</source>
        <translation>Pemeriksa</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Condition</source>
        <translation>Kondisi</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Defects</source>
        <translation>Kerusakan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next due</source>
        <translation>Jatuh tempo berikutnya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add inspection…</source>
        <translation>Tambah pemeriksaan…</translation>
    </message>
</context>
<context>
    <name>Inspections</name>
    <message>
        <source>Inspect {uuid}</source>
        <translation type="vanished">Periksa {uuid}</translation>
    </message>
    <message>
        <location filename="../../gisdesk/core/inspections.py" line="+98"/>
        <source>Inspect {feature}</source>
        <translation>Periksa {feature}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>unknown defect codes {bad}; allowed: {codes}</source>
        <translation>kode kerusakan tidak dikenal {bad}; yang diizinkan: {codes}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>not an image file that can be attached: {files}</source>
        <translation>bukan berkas gambar yang dapat dilampirkan: {files}</translation>
    </message>
</context>
<context>
    <name>IsolateBreakTool</name>
    <message>
        <location filename="../../gisdesk/ui/analysis/network_tools.py" line="+146"/>
        <source>dry main</source>
        <translation>pipa kering</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>valve to close</source>
        <translation>katup yang ditutup</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>building without water</source>
        <translation>bangunan tanpa air</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Isolating the break</source>
        <translation>Mengisolasi kebocoran</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The network layers changed while the isolation ran; nothing was selected. Click the main again.</source>
        <translation>Lapisan jaringan berubah selama isolasi berjalan; tidak ada yang dipilih. Klik pipa itu lagi.</translation>
    </message>
</context>
<context>
    <name>JobPanel</name>
    <message>
        <location filename="../../gisdesk/ui/analysis/background.py" line="+64"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>Dibatalkan; tidak ada yang diubah.</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <location filename="../../gisdesk/core/journal.py" line="+103"/>
        <source>Journal {path}, step {n} ({op}) cannot be replayed: {err}</source>
        <translation>Jurnal {path}, langkah {n} ({op}) tidak dapat diputar ulang: {err}</translation>
    </message>
</context>
<context>
    <name>LayerPropertiesDialog</name>
    <message>
        <location filename="../../gisdesk/ui/dialogs/layer_properties_dialog.py" line="+61"/>
        <source>Layer Properties — {layer}</source>
        <translation>Properti Lapisan — {layer}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fields</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title (English)</source>
        <translation>Judul (Inggris)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title (Indonesian)</source>
        <translation>Judul (Indonesia)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Source file</source>
        <translation>Berkas sumber</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Layer in the file</source>
        <translation>Lapisan dalam berkas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none — the layer exists only in memory</source>
        <translation>tidak ada — lapisan hanya ada di memori</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geometry type</source>
        <translation>Jenis geometri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Features</source>
        <translation>Fitur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRS</source>
        <translation>CRS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extent</source>
        <translation>Cakupan</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>Layer definition</source>
        <translation>Definisi lapisan</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Visible at scales</source>
        <translation>Tampil pada skala</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no definition — shown with default style, not editable</source>
        <translation>tidak ada definisi — ditampilkan dengan gaya bawaan, tidak dapat disunting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problems</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no geometries</source>
        <translation>tidak ada geometri</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{data} (definition: {declared})</source>
        <translation>{data} (definisi: {declared})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>none — the file does not say; use Set CRS… in the layer&apos;s menu</source>
        <translation>tidak ada — berkas tidak menyebutkannya; gunakan Atur CRS… di menu lapisan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{crs} (shown on the map in {project})</source>
        <translation>{crs} (ditampilkan di peta dalam {project})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(empty)</source>
        <translation>(kosong)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>file coordinates</source>
        <translation>koordinat berkas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x {minx} … {maxx}, y {miny} … {maxy} ({crs})</source>
        <translation>x {minx} … {maxx}, y {miny} … {maxy} ({crs})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>between {max} and {min}</source>
        <translation>antara {max} dan {min}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>zoomed in to {max} or closer</source>
        <translation>diperbesar sampai {max} atau lebih dekat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>zoomed out to {min} or further</source>
        <translation>diperkecil sampai {min} atau lebih jauh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all scales</source>
        <translation>semua skala</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{type} (missing in the data)</source>
        <translation>{type} (tidak ada dalam data)</translation>
    </message>
</context>
<context>
    <name>LayerTreeModel</name>
    <message numerus="yes">
        <location filename="../../gisdesk/ui/panels/layer_tree_model.py" line="+191"/>
        <source>%n feature(s)</source>
        <translation>
            <numerusform>%n fitur</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No coordinate reference system</source>
        <translation>Tidak ada sistem referensi koordinat</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <location filename="../../gisdesk/ui/panels/layers_panel.py" line="+93"/>
        <source>Layers</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Zoom to Layer</source>
        <translation>Perbesar ke Lapisan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set CRS…</source>
        <translation>Atur CRS…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove Layer</source>
        <translation>Hapus Lapisan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Properties…</source>
        <translation>Properti…</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <location filename="../../gisdesk/export/layout_model.py" line="+195"/>
        <source>a length must be positive, got {0}</source>
        <translation>panjang harus bernilai positif, diberikan {0}</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>{0}: cannot read layout template: {1}</source>
        <translation>{0}: templat tata letak tidak dapat dibaca: {1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0}: invalid layout template: {1}</source>
        <translation>{0}: templat tata letak tidak valid: {1}</translation>
    </message>
</context>
<context>
    <name>Licenses</name>
    <message>
        <location filename="../../gisdesk/licenses.py" line="+101"/>
        <source>The licence text is missing from {path}; see {url}.</source>
        <translation>Teks lisensi tidak ada di {path}; lihat {url}.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>This program</source>
        <translation>Program ini</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User interface</source>
        <translation>Antarmuka pengguna</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+32"/>
        <source>Reading and writing GIS file formats</source>
        <translation>Membaca dan menulis format berkas SIG</translation>
    </message>
    <message>
        <location line="-28"/>
        <location line="+25"/>
        <source>Coordinate systems and reprojection</source>
        <translation>Sistem koordinat dan proyeksi ulang</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Geometry operations</source>
        <translation>Operasi geometri</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+23"/>
        <source>Exported web maps</source>
        <translation>Peta web hasil ekspor</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Optional online background of exported web maps</source>
        <translation>Latar daring opsional untuk peta web hasil ekspor</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+36"/>
        <source>Feature tables</source>
        <translation>Tabel fitur</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Geometries</source>
        <translation>Geometri</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+32"/>
        <source>Fast file reading</source>
        <translation>Pembacaan berkas yang cepat</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Charts</source>
        <translation>Grafik</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync change sets</source>
        <translation>Kumpulan perubahan sinkronisasi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking layer definitions</source>
        <translation>Pemeriksaan definisi lapisan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading layer definitions</source>
        <translation>Pembacaan definisi lapisan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Numerical arrays</source>
        <translation>Larik numerik</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PostGIS hub connection</source>
        <translation>Koneksi ke hub PostGIS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Excel table export</source>
        <translation>Ekspor tabel Excel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gisdesk/ui/main_window.py" line="+276"/>
        <source>&amp;Open Data…</source>
        <translation>&amp;Buka Data…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Project…</source>
        <translation>Buka &amp;Proyek…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save Project</source>
        <translation>&amp;Simpan Proyek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Project &amp;As…</source>
        <translation>Simpan Proyek Seb&amp;agai…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;In</source>
        <translation>Per&amp;besar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>Per&amp;kecil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Full</source>
        <translation>Tampilkan Seluru&amp;hnya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom to &amp;Layer</source>
        <translation>Perbesar ke &amp;Lapisan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous Extent</source>
        <translation>Cakupan Sebel&amp;umnya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next Extent</source>
        <translation>Cakupan Berikut&amp;nya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About GIS Desk</source>
        <translation>&amp;Tentang GIS Desk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Welcome…</source>
        <translation>&amp;Selamat datang…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer &amp;Definition Problems…</source>
        <translation>Masalah &amp;Definisi Lapisan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pan</source>
        <translation>Geser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom Box</source>
        <translation>Perbesar Kotak</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>Identify</source>
        <translation>Identifikasi</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Select</source>
        <translation>Pilih</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select features: click one or drag a rectangle</source>
        <translation>Pilih fitur: klik satu fitur atau seret sebuah persegi panjang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent P&amp;rojects</source>
        <translation>P&amp;royek Terakhir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent &amp;Files</source>
        <translation>Berkas &amp;Terakhir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;anels</source>
        <translation>P&amp;anel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings</source>
        <translation>&amp;Pengaturan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>Ba&amp;hasa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map Tools</source>
        <translation>Alat Peta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layers</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Untitled</source>
        <translation>Tanpa judul</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>GIS data ({patterns});;All files (*)</source>
        <translation>Data GIS ({patterns});;Semua berkas (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Data</source>
        <translation>Buka Data</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+145"/>
        <source>Opening {name}</source>
        <translation>Membuka {name}</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Reading the rest of {name}</source>
        <translation>Membaca sisa {name}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Opening cancelled: {path}</source>
        <translation>Pembukaan dibatalkan: {path}</translation>
    </message>
    <message>
        <source>Opening cancelled: {p}</source>
        <translation type="vanished">Pembukaan dibatalkan: {p}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Some layers could not be opened</source>
        <translation>Beberapa lapisan tidak dapat dibuka</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing to show</source>
        <translation>Tidak ada yang dapat ditampilkan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{path} holds no layers.</source>
        <translation>{path} tidak berisi lapisan.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot open {name}</source>
        <translation>Tidak dapat membuka {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the file is a GIS data file (GeoPackage, Shapefile, GeoJSON, …) and that you can read it.</source>
        <translation>Pastikan berkas tersebut adalah berkas data GIS (GeoPackage, Shapefile, GeoJSON, …) dan Anda memiliki izin untuk membacanya.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open Project</source>
        <translation>Buka Proyek</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+68"/>
        <source>GIS Desk projects (*{ext})</source>
        <translation>Proyek GIS Desk (*{ext})</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Cannot open project</source>
        <translation>Tidak dapat membuka proyek</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Some layers are missing</source>
        <translation>Beberapa lapisan tidak ditemukan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rest of the project was opened.</source>
        <translation>Bagian lain dari proyek telah dibuka.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot save project</source>
        <translation>Tidak dapat menyimpan proyek</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved {path}</source>
        <translation>{path} telah disimpan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Some layers are not in the project file</source>
        <translation>Beberapa lapisan tidak ada dalam berkas proyek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These layers exist only in memory, so the project cannot refer to them: {names}. Export them to a file first.</source>
        <translation>Lapisan berikut hanya ada di memori, sehingga proyek tidak dapat merujuknya: {names}. Ekspor lapisan tersebut ke berkas terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save Project</source>
        <translation>Simpan Proyek</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n feature(s) found</source>
        <translation>
            <numerusform>%n fitur ditemukan</numerusform>
        </translation>
    </message>
    <message>
        <source>About GIS Desk</source>
        <translation type="vanished">Tentang GIS Desk</translation>
    </message>
    <message>
        <source>GIS Desk {version}
Offline-first desktop GIS for city asset management.</source>
        <translation type="vanished">GIS Desk {version}
SIG desktop yang dapat bekerja luring untuk pengelolaan aset kota.</translation>
    </message>
</context>
<context>
    <name>MapStatusBar</name>
    <message>
        <location filename="../../gisdesk/ui/canvas/map_status.py" line="+57"/>
        <source>N</source>
        <comment>north latitude</comment>
        <translation>LU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S</source>
        <comment>south latitude</comment>
        <translation>LS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E</source>
        <comment>east longitude</comment>
        <translation>BT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>W</source>
        <comment>west longitude</comment>
        <translation>BB</translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n dipilih</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type a scale like 1:5000 or 5000</source>
        <translation>Ketik skala, mis. 1:5000 atau 5000</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scale</source>
        <translation>Skala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type a scale (1:5000 or 5000) and press Enter</source>
        <translation>Ketik skala (1:5000 atau 5000) lalu tekan Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cursor position (project CRS, then latitude/longitude)</source>
        <translation>Posisi kursor (CRS proyek, lalu lintang/bujur)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the running task</source>
        <translation>Batalkan tugas yang sedang berjalan</translation>
    </message>
</context>
<context>
    <name>NearestDialog</name>
    <message>
        <location filename="../../gisdesk/ui/analysis/nearest_dialog.py" line="+42"/>
        <source>Nearest Features</source>
        <translation>Fitur Terdekat</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no limit</source>
        <translation>tanpa batas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find nearest</source>
        <translation>Cari yang terdekat</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For each feature of</source>
        <translation>Untuk setiap fitur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>find the nearest</source>
        <translation>cari sejumlah terdekat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>features of</source>
        <translation>fitur dari</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>within</source>
        <translation>dalam jarak</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nearest features</source>
        <translation>Fitur terdekat</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{n} pairs</source>
        <translation>{n} pasangan</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Cannot find nearest features</source>
        <translation>Fitur terdekat tidak dapat dicari</translation>
    </message>
</context>
<context>
    <name>Network</name>
    <message>
        <location filename="../../gisdesk/network/graph.py" line="+131"/>
        <source>Layer &apos;{0}&apos;: features {1} have no geometry</source>
        <translation>Lapisan &apos;{0}&apos;: fitur {1} tidak memiliki geometri</translation>
    </message>
    <message>
        <location filename="../../gisdesk/network/isolation.py" line="+194"/>
        <source>Layer &apos;{0}&apos; has no field &apos;{1}&apos;. Fields: {2}</source>
        <translation>Lapisan &apos;{0}&apos; tidak memiliki kolom &apos;{1}&apos;. Kolom yang ada: {2}</translation>
    </message>
</context>
<context>
    <name>NetworkCheck</name>
    <message>
        <location filename="../../gisdesk/ui/analysis/network_tools.py" line="+97"/>
        <source>dangling end</source>
        <translation>ujung menggantung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>near-miss</source>
        <translation>hampir tersambung</translation>
    </message>
</context>
<context>
    <name>OpacitySlider</name>
    <message>
        <location filename="../../gisdesk/ui/panels/layers_panel.py" line="-112"/>
        <source>Opacity</source>
        <translation>Opasitas</translation>
    </message>
</context>
<context>
    <name>OverdueView</name>
    <message>
        <location filename="../../gisdesk/ui/inspections/overdue_view.py" line="+119"/>
        <location line="+55"/>
        <source>Overdue inspections</source>
        <translation>Pemeriksaan terlambat</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save this list as a CSV or Excel file</source>
        <translation>Simpan daftar ini sebagai berkas CSV atau Excel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Asset</source>
        <translation>Aset</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last inspected</source>
        <translation>Terakhir diperiksa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days overdue</source>
        <translation>Hari terlambat</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No inspected layer is open.</source>
        <translation>Tidak ada lapisan yang diperiksa yang terbuka.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{n} of {total} assets are due for inspection</source>
        <translation>{n} dari {total} aset sudah waktunya diperiksa</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export overdue inspections</source>
        <translation>Ekspor pemeriksaan terlambat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot export</source>
        <translation>Tidak dapat mengekspor</translation>
    </message>
</context>
<context>
    <name>Paths</name>
    <message>
        <location filename="../../gisdesk/paths.py" line="-28"/>
        <source>cannot create the settings folder {path} ({why}). GIS Desk keeps your settings and unsaved edits there: make the folder writable, or set GISDESK_CONFIG_DIR to a folder you can write to.</source>
        <translation>tidak dapat membuat folder pengaturan {path} ({why}). GIS Desk menyimpan pengaturan dan suntingan yang belum disimpan di sana: jadikan folder itu dapat ditulisi, atau atur GISDESK_CONFIG_DIR ke folder yang dapat Anda tulisi.</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <location filename="../../gisdesk/commands/plan.py" line="+53"/>
        <source>not valid JSON ({0})</source>
        <translation>bukan JSON yang sah ({0})</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>{0}: {1} assets ranked, {2} funded within {3} years</source>
        <translation>{0}: {1} aset diperingkat, {2} didanai dalam {3} tahun</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>wrote {0}</source>
        <translation>{0} telah ditulis</translation>
    </message>
</context>
<context>
    <name>Planning</name>
    <message>
        <location filename="../../gisdesk/planning/weights.py" line="+80"/>
        <source>Weight &apos;{0}&apos; must be 0 or more, got {1}</source>
        <translation>Bobot &apos;{0}&apos; harus 0 atau lebih, bukan {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At least one likelihood weight must be above 0</source>
        <translation>Setidaknya satu bobot kemungkinan harus di atas 0</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At least one consequence weight must be above 0</source>
        <translation>Setidaknya satu bobot dampak harus di atas 0</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{0}: expected an object of weights</source>
        <translation>{0}: diharapkan objek berisi bobot</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0}: &apos;{1}&apos; has a bad value {2!r} ({3})</source>
        <translation>{0}: &apos;{1}&apos; bernilai salah {2!r} ({3})</translation>
    </message>
    <message>
        <location filename="../../gisdesk/planning/programme.py" line="+52"/>
        <source>Budget must be 0 or more and years 1 or more (got {0} and {1})</source>
        <translation>Anggaran harus 0 atau lebih dan tahun 1 atau lebih (diberikan {0} dan {1})</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../gisdesk/ui/sync/dialogs.py" line="-215"/>
        <source>Sync preview</source>
        <translation>Pratinjau sinkronisasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>added</source>
        <translation>ditambahkan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changed</source>
        <translation>diubah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deleted</source>
        <translation>dihapus</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Layer</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+10"/>
        <source>Asset UUID</source>
        <translation>UUID aset</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Change</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fields</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Base</source>
        <translation>Dasar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mine</source>
        <translation>Milik saya</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Theirs</source>
        <translation>Milik mereka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(whole feature)</source>
        <translation>(seluruh fitur)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Will be sent (%1)</source>
        <translation>Akan dikirim (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Will be received (%1)</source>
        <translation>Akan diterima (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Will conflict (%1)</source>
        <translation>Akan berkonflik (%1)</translation>
    </message>
</context>
<context>
    <name>Print</name>
    <message>
        <location filename="../../gisdesk/ui/print/export.py" line="+50"/>
        <location line="+39"/>
        <source>cannot write {0}</source>
        <translation>tidak dapat menulis {0}</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>dpi must be between 1 and 1200, got {0}</source>
        <translation>dpi harus antara 1 dan 1200, diberikan {0}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>no map layer named &apos;{0}&apos; (layers: {1})</source>
        <translation>tidak ada lapisan peta bernama &apos;{0}&apos; (lapisan: {1})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>layer &apos;{0}&apos; has no field &apos;{1}&apos; (fields: {2})</source>
        <translation>lapisan &apos;{0}&apos; tidak memiliki kolom &apos;{1}&apos; (kolom: {2})</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>layer &apos;{0}&apos; has no features to make pages of</source>
        <translation>lapisan &apos;{0}&apos; tidak memiliki fitur untuk dijadikan halaman</translation>
    </message>
</context>
<context>
    <name>PrintExportUi</name>
    <message>
        <source>&amp;Print Layout…</source>
        <translation type="vanished">&amp;Tata Letak Cetak…</translation>
    </message>
    <message>
        <location filename="../../gisdesk/ui/print/install.py" line="+57"/>
        <source>Export &amp;Web Map…</source>
        <translation>Ekspor Peta &amp;Web…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;Table…</source>
        <translation>Ekspor Tab&amp;el…</translation>
    </message>
    <message>
        <source>Export La&amp;yer…</source>
        <translation type="vanished">Ekspor La&amp;pisan…</translation>
    </message>
    <message>
        <source>Export Summary &amp;Report…</source>
        <translation type="vanished">Ekspor &amp;Laporan Ringkasan…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Pri&amp;nt Layout…</source>
        <translation>Tata &amp;Letak Cetak…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export Lay&amp;er…</source>
        <translation>Ekspor Lapisa&amp;n…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export S&amp;ummary Report…</source>
        <translation>Ekspor Laporan R&amp;ingkasan…</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+14"/>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Choose a layer in the Layers panel first.</source>
        <translation>Pilih lapisan di panel Lapisan terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export web map</source>
        <translation>Ekspor peta web</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+33"/>
        <source>Web page (*.html)</source>
        <translation>Halaman web (*.html)</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Export table</source>
        <translation>Ekspor tabel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export layer</source>
        <translation>Ekspor lapisan</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export summary report</source>
        <translation>Ekspor laporan ringkasan</translation>
    </message>
</context>
<context>
    <name>PrintLayoutDialog</name>
    <message>
        <location filename="../../gisdesk/ui/print/layout_dialog.py" line="+164"/>
        <location line="+70"/>
        <location line="+66"/>
        <location line="+31"/>
        <source>Print Layout</source>
        <translation>Tata Letak Cetak</translation>
    </message>
    <message>
        <location line="-166"/>
        <source>Template</source>
        <translation>Templat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Paper</source>
        <translation>Kertas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Orientation</source>
        <translation>Orientasi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Extent</source>
        <translation>Cakupan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale</source>
        <translation>Skala</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subtitle</source>
        <translation>Subjudul</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Author</source>
        <translation>Pembuat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OPD</source>
        <translation>OPD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG resolution</source>
        <translation>Resolusi PNG</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Portrait</source>
        <translation>Tegak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Landscape</source>
        <translation>Mendatar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current map view</source>
        <translation>Tampilan peta saat ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All data</source>
        <translation>Semua data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit to extent</source>
        <translation>Sesuaikan dengan cakupan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coordinate grid</source>
        <translation>Grid koordinat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Map labels</source>
        <translation>Label peta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load template…</source>
        <translation>Muat templat…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save template…</source>
        <translation>Simpan templat…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>Ekspor PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PNG…</source>
        <translation>Ekspor PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Atlas: one page per feature</source>
        <translation>Atlas: satu halaman per fitur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name field</source>
        <translation>Kolom nama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export atlas PDF…</source>
        <translation>Ekspor atlas PDF…</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Export PDF</source>
        <translation>Ekspor PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+36"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Export PNG</source>
        <translation>Ekspor PNG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png)</source>
        <translation>Gambar PNG (*.png)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Export atlas</source>
        <translation>Ekspor atlas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writing atlas pages…</source>
        <translation>Menulis halaman atlas…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Load template</source>
        <translation>Muat templat</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Template (*.json)</source>
        <translation>Templat (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save template</source>
        <translation>Simpan templat</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../gisdesk/ui/dialogs/profile_dialog.py" line="+44"/>
        <source>Viewer (read only)</source>
        <translation>Peninjau (hanya baca)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Editor (my department&apos;s layers)</source>
        <translation>Penyunting (lapisan OPD saya)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator (everything)</source>
        <translation>Administrator (semua)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Who is working on this computer? Your name and department are recorded with every change you save, so the city knows who changed what. To only look at the map, Cancel: editing stays off until you set a profile (Settings ▸ User Profile…).</source>
        <translation>Siapa yang bekerja di komputer ini? Nama dan dinas Anda dicatat pada setiap perubahan yang Anda simpan, sehingga kota tahu siapa mengubah apa. Untuk hanya melihat peta, pilih Batal: penyuntingan tetap mati sampai Anda mengisi profil (Pengaturan ▸ Profil Pengguna…).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department (OPD)</source>
        <translation>Perangkat daerah (OPD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>User profile</source>
        <translation>Profil pengguna</translation>
    </message>
</context>
<context>
    <name>Project</name>
    <message>
        <location filename="../../gisdesk/core/project.py" line="+93"/>
        <source>There is no layer &apos;{name}&apos;.</source>
        <translation>Tidak ada lapisan &apos;{name}&apos;.</translation>
    </message>
</context>
<context>
    <name>ProjectFile</name>
    <message>
        <location filename="../../gisdesk/io/project_file.py" line="+128"/>
        <source>schema_version must be a whole number</source>
        <translation>schema_version harus berupa bilangan bulat</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>made by a newer GIS Desk (project version {found}, this one reads up to {supported}); please update GIS Desk</source>
        <translation>dibuat oleh GIS Desk yang lebih baru (versi proyek {found}, versi ini hanya dapat membaca sampai {supported}); silakan perbarui GIS Desk</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>expected [minx, miny, maxx, maxy]</source>
        <translation>seharusnya [minx, miny, maxx, maxy]</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>missing &apos;source&apos;</source>
        <translation>&apos;source&apos; tidak ada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is empty</source>
        <translation>kosong</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+4"/>
        <source>not a GIS Desk project file</source>
        <translation>bukan berkas proyek GIS Desk</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+16"/>
        <source>expected a list</source>
        <translation>seharusnya berupa daftar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expected an object</source>
        <translation>diharapkan sebuah objek</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../gisdesk/ui/i18n.py" line="+127"/>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <comment>All other platforms</comment>
        <translation>Berkas</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <location line="-41"/>
        <source>&amp;Step up</source>
        <translation>&amp;Naikkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step &amp;down</source>
        <translation>&amp;Turunkan</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-21"/>
        <source>Look in:</source>
        <translation>Lihat di:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Lihat di:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>&amp;Jenis berkas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Folder</source>
        <translation>Folder &amp;Baru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a New Folder</source>
        <translation>Buat folder baru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change to detail view mode</source>
        <translation>Ganti ke tampilan rinci</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change to list view mode</source>
        <translation>Ganti ke tampilan daftar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go forward</source>
        <translation>Maju</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the parent directory</source>
        <translation>Ke folder induk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List of places and bookmarks</source>
        <translation>Daftar tempat dan penanda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sidebar</source>
        <translation>Bilah samping</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 sudah ada.
Apakah Anda ingin menggantinya?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>File &amp;name:</source>
        <translation>&amp;Nama berkas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of type:</source>
        <translation>Jenis berkas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Buka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose</source>
        <translation>&amp;Pilih</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save As</source>
        <translation>Simpan Sebagai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Folder</source>
        <translation>Folder Baru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward</source>
        <translation>Maju</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent Directory</source>
        <translation>Folder Induk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create New Folder</source>
        <translation>Buat Folder Baru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List View</source>
        <translation>Tampilan Daftar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail View</source>
        <translation>Tampilan Rinci</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directory:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename</source>
        <translation>&amp;Ganti Nama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;hidden files</source>
        <translation>Tampilkan berkas &amp;tersembunyi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All Files (*)</source>
        <translation>Semua Berkas (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent Places</source>
        <translation>Lokasi Terakhir</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location line="-27"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date Modified</source>
        <translation>Tanggal diubah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computer</source>
        <translation>Komputer</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Type</source>
        <comment>All other platforms</comment>
        <translation>Jenis</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <location line="-79"/>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Batal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without Saving</source>
        <translation>Tutup tanpa Menyimpan</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <location line="+35"/>
        <source>Enter a value:</source>
        <translation>Masukkan nilai:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location line="-34"/>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>Ula&amp;ngi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>T&amp;empel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Pilih Semua</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location line="+51"/>
        <source>Show Details...</source>
        <translation>Tampilkan Rincian...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide Details...</source>
        <translation>Sembunyikan Rincian...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="-81"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save All</source>
        <translation>Simpan Semua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Yes to &amp;All</source>
        <translation>Ya untuk &amp;Semua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;o to All</source>
        <translation>Tidak untuk Se&amp;mua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abort</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Coba Lagi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Atur Ulang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore Defaults</source>
        <translation>Kembalikan ke Bawaan</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <location line="+67"/>
        <source>Left</source>
        <translation>Kiri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right</source>
        <translation>Kanan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up</source>
        <translation>Atas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Bawah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Space</source>
        <translation>Spasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backspace</source>
        <translation>Backspace</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location line="-59"/>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>Ula&amp;ngi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>T&amp;empel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Pilih Semua</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;Link Location</source>
        <translation>Salin Lokasi &amp;Tautan</translation>
    </message>
</context>
<context>
    <name>Query</name>
    <message>
        <location filename="../../gisdesk/query/metric.py" line="+24"/>
        <source>Layer &apos;{0}&apos; has no coordinate reference system (CRS); set one before measuring distances, lengths or areas</source>
        <translation>Lapisan &apos;{0}&apos; tidak memiliki sistem referensi koordinat (CRS); atur CRS terlebih dahulu sebelum mengukur jarak, panjang, atau luas</translation>
    </message>
    <message>
        <location filename="../../gisdesk/query/spatial.py" line="+54"/>
        <source>Unknown spatial relation &apos;{0}&apos;; use one of: {1}</source>
        <translation>Relasi spasial &apos;{0}&apos; tidak dikenal; gunakan salah satu dari: {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A distance query needs a distance of 0 m or more</source>
        <translation>Kueri jarak memerlukan jarak 0 m atau lebih</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>The number of nearest features must be 1 or more</source>
        <translation>Jumlah fitur terdekat harus 1 atau lebih</translation>
    </message>
    <message>
        <location filename="../../gisdesk/query/summary.py" line="+53"/>
        <location line="+4"/>
        <source>Layer &apos;{0}&apos; has no field &apos;{1}&apos;. Fields: {2}</source>
        <translation>Lapisan &apos;{0}&apos; tidak memiliki kolom &apos;{1}&apos;. Kolom yang ada: {2}</translation>
    </message>
    <message>
        <location filename="../../gisdesk/commands/query.py" line="+60"/>
        <source>file not found: {0}</source>
        <translation>berkas tidak ditemukan: {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{0} (layer &apos;{1}&apos;): bad expression: {2}</source>
        <translation>{0} (lapisan &apos;{1}&apos;): ekspresi tidak valid: {2}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--n must be 1 or more</source>
        <translation>--n harus 1 atau lebih</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>wrote {0}</source>
        <translation>{0} telah ditulis</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--near-where and --distance need --near-layer</source>
        <translation>--near-where dan --distance memerlukan --near-layer</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>{0} {1} selected; {2} nearest rows</source>
        <translation>{0} {1} dipilih; {2} baris terdekat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} {1} selected, summarised by {2}</source>
        <translation>{0} {1} dipilih, diringkas menurut {2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} {1} selected</source>
        <translation>{0} {1} dipilih</translation>
    </message>
    <message>
        <location filename="../../gisdesk/query/output.py" line="-30"/>
        <source>... {0} more rows (use --json or --out for all)</source>
        <translation>... {0} baris lagi (gunakan --json atau --out untuk semuanya)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{0}: this result has no geometry; write a .csv</source>
        <translation>{0}: hasil ini tidak memiliki geometri; tulis sebagai .csv</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>{0}: unsupported output type &apos;{1}&apos; (use .csv, .gpkg or .json)</source>
        <translation>{0}: jenis keluaran &apos;{1}&apos; tidak didukung (gunakan .csv, .gpkg, atau .json)</translation>
    </message>
    <message>
        <location filename="../../gisdesk/query/saved.py" line="+42"/>
        <source>Saved query &apos;{0}&apos;: unknown relation &apos;{1}&apos;</source>
        <translation>Kueri tersimpan &apos;{0}&apos;: relasi &apos;{1}&apos; tidak dikenal</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved query format {0} is newer than this GIS Desk ({1})</source>
        <translation>Format kueri tersimpan {0} lebih baru daripada GIS Desk ini ({1})</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saved query &apos;{0}&apos; needs layer &apos;{1}&apos;, which is not loaded (loaded: {2})</source>
        <translation>Kueri tersimpan &apos;{0}&apos; memerlukan lapisan &apos;{1}&apos;, yang belum dimuat (yang dimuat: {2})</translation>
    </message>
</context>
<context>
    <name>ReadError</name>
    <message>
        <location filename="../../gisdesk/io/errors.py" line="+40"/>
        <source> (layer &apos;{layer}&apos;)</source>
        <translation> (lapisan &apos;{layer}&apos;)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read {where}: {reason}</source>
        <translation>Tidak dapat membaca {where}: {reason}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the file is damaged or incomplete (it does not follow the format&apos;s syntax)</source>
        <translation>berkas rusak atau tidak lengkap (tidak mengikuti sintaks formatnya)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the file again or re-export it from the program that made it.</source>
        <translation>Salin kembali berkas tersebut atau ekspor ulang dari program yang membuatnya.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this GIS Desk build cannot read (Geo)Parquet</source>
        <translation>versi GIS Desk ini tidak dapat membaca (Geo)Parquet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Convert it to GeoPackage (e.g. with ogr2ogr) and open that.</source>
        <translation>Konversikan ke GeoPackage (mis. dengan ogr2ogr) lalu buka hasilnya.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its text is not in UTF-8</source>
        <translation>teksnya tidak dalam UTF-8</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-save the file as UTF-8 (GeoJSON must be UTF-8).</source>
        <translation>Simpan ulang berkas sebagai UTF-8 (GeoJSON wajib UTF-8).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the file does not exist or cannot be opened</source>
        <translation>berkas tidak ada atau tidak dapat dibuka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the path and that the file (and, for a Shapefile, its .shx/.dbf) is there.</source>
        <translation>Periksa lokasi berkas dan pastikan berkasnya (dan, untuk Shapefile, berkas .shx/.dbf-nya) ada.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>GIS Desk is not allowed to read it</source>
        <translation>GIS Desk tidak diizinkan membacanya</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask your administrator for read access or copy the file to your own folder.</source>
        <translation>Mintalah akses baca kepada administrator atau salin berkas ke folder Anda sendiri.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the Shapefile&apos;s index file (.shx) is missing or damaged</source>
        <translation>berkas indeks Shapefile (.shx) tidak ada atau rusak</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the .shx file next to the .shp, or re-export the layer.</source>
        <translation>Salin berkas .shx ke samping berkas .shp, atau ekspor ulang lapisannya.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>it is not a vector format GIS Desk can read, or the file is damaged</source>
        <translation>formatnya bukan format vektor yang dapat dibaca GIS Desk, atau berkasnya rusak</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a GeoPackage, Shapefile, GeoJSON, KML, FlatGeobuf, GML or CSV file; if it is one, it may be incomplete — copy it again.</source>
        <translation>Buka berkas GeoPackage, Shapefile, GeoJSON, KML, FlatGeobuf, GML, atau CSV; jika berkas memang salah satunya, mungkin berkas tidak lengkap — salin kembali.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>it holds a geometry type GIS Desk cannot draw (e.g. MultiPatch or TIN)</source>
        <translation>berkas berisi tipe geometri yang tidak dapat digambar GIS Desk (mis. MultiPatch atau TIN)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Convert the geometries to polygons in the program that made the file.</source>
        <translation>Konversikan geometrinya menjadi poligon di program yang membuat berkas tersebut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file is damaged or incomplete (it is not valid GeoJSON)</source>
        <translation>berkas rusak atau tidak lengkap (bukan GeoJSON yang valid)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the file is damaged or incomplete (it ends in the middle of a value)</source>
        <translation>berkas rusak atau tidak lengkap (berakhir di tengah sebuah nilai)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the file is damaged or incomplete (it ends too early)</source>
        <translation>berkas rusak atau tidak lengkap (berakhir terlalu awal)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the file is damaged or unsafe (XML entity expansion)</source>
        <translation>berkas rusak atau tidak aman (ekspansi entitas XML)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>GDAL could not open it</source>
        <translation>GDAL tidak dapat membukanya</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the file is complete and in a supported vector format.</source>
        <translation>Pastikan berkas lengkap dan dalam format vektor yang didukung.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>unexpected problem</source>
        <translation>masalah tak terduga</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check that the file is complete and in a supported vector format; the details in brackets help support staff.</source>
        <translation>Pastikan berkas lengkap dan dalam format vektor yang didukung; rincian dalam tanda kurung membantu petugas dukungan.</translation>
    </message>
    <message>
        <location filename="../../gisdesk/io/discovery.py" line="+29"/>
        <source>the file does not exist</source>
        <translation>berkas tidak ada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the path.</source>
        <translation>Periksa lokasi berkas.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the zip archive holds no file GIS Desk can read</source>
        <translation>arsip zip tidak berisi berkas yang dapat dibaca GIS Desk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unzip it and open the data file inside directly.</source>
        <translation>Ekstrak arsip tersebut, lalu buka langsung berkas data di dalamnya.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>it contains no map layers</source>
        <translation>berkas tidak berisi lapisan peta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that this is the file you meant to open.</source>
        <translation>Pastikan ini berkas yang ingin Anda buka.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>it has no layer called &apos;{layer}&apos;</source>
        <translation>tidak ada lapisan bernama &apos;{layer}&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers in this file: {names}.</source>
        <translation>Lapisan dalam berkas ini: {names}.</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <source>{n} feature(s) have a geometry type GIS Desk cannot draw ({kind}; e.g. MultiPatch or TIN); their attributes are loaded without a shape (ids {ids})</source>
        <translation type="vanished">{n} fitur memiliki tipe geometri yang tidak dapat digambar GIS Desk ({kind}; mis. MultiPatch atau TIN); atributnya dimuat tanpa bentuk (id {ids})</translation>
    </message>
    <message>
        <location filename="../../gisdesk/io/geometry_checks.py" line="+48"/>
        <source>{n} feature(s) have shapes GIS Desk cannot draw (layer type {kind}; e.g. a line with one point, MultiPatch or TIN); their attributes are loaded without a shape (ids {ids})</source>
        <translation>{n} fitur memiliki bentuk yang tidak dapat digambar GIS Desk (tipe lapisan {kind}; mis. garis dengan satu titik, MultiPatch, atau TIN); atributnya dimuat tanpa bentuk (id {ids})</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>{n} feature(s) have no geometry (null, empty or NaN coordinates); they are kept in the table but not drawn (ids {ids})</source>
        <translation>{n} fitur tidak memiliki geometri (null, kosong, atau koordinat NaN); fitur tetap ada di tabel tetapi tidak digambar (id {ids})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{n} feature(s) have invalid geometry (e.g. self-intersecting rings); they are kept and drawn as they are — check them with Layer ▸ Validate (ids {ids})</source>
        <translation>{n} fitur memiliki geometri tidak valid (mis. cincin yang berpotongan sendiri); fitur tetap dimuat dan digambar apa adanya — periksa dengan Lapisan ▸ Validasi (id {ids})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{n} feature(s) mix points, lines and polygons in one shape (GeometryCollection); tools that need one kind of shape skip them (ids {ids})</source>
        <translation>{n} fitur mencampur titik, garis, dan poligon dalam satu bentuk (GeometryCollection); alat yang memerlukan satu jenis bentuk melewatinya (id {ids})</translation>
    </message>
    <message>
        <location filename="../../gisdesk/io/readers.py" line="+237"/>
        <source>the file says it holds {expected} feature(s) but {read} could be read; compare with the program that made it</source>
        <translation>berkas menyatakan berisi {expected} fitur tetapi hanya {read} yang dapat dibaca; bandingkan dengan program yang membuatnya</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>the geometries could not be read ({reason}); attributes are loaded without shapes</source>
        <translation>geometri tidak dapat dibaca ({reason}); atribut dimuat tanpa bentuk</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>GDAL: {text}</source>
        <translation>GDAL: {text}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>no CRS in the file; the coordinates look like longitude/latitude, so EPSG:4326 was assumed — change it with Layer ▸ Set CRS if that is wrong</source>
        <translation>berkas tidak memiliki CRS; koordinatnya tampak seperti bujur/lintang, sehingga diasumsikan EPSG:4326 — ubah dengan Lapisan ▸ Atur CRS jika keliru</translation>
    </message>
    <message>
        <location filename="../../gisdesk/core/crs.py" line="+35"/>
        <source>no CRS — set it with Layer ▸ Set CRS</source>
        <translation>tidak ada CRS — atur dengan Lapisan ▸ Atur CRS</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>Layer &apos;{layer}&apos;: {crs} cannot be transformed to the project CRS: {why}</source>
        <translation>Lapisan &apos;{layer}&apos;: {crs} tidak dapat ditransformasikan ke CRS proyek: {why}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Layer &apos;{layer}&apos;: {n} feature(s) cannot be in {crs} — feature {feature} has coordinates ({x:.6g}, {y:.6g}), outside what that CRS can place. Check which CRS the data was made in.</source>
        <translation>Lapisan &apos;{layer}&apos;: {n} fitur tidak mungkin dalam {crs} — fitur {feature} memiliki koordinat ({x:.6g}, {y:.6g}), di luar jangkauan CRS tersebut. Periksa CRS yang dipakai saat data dibuat.</translation>
    </message>
    <message>
        <location filename="../../gisdesk/io/reproject.py" line="+53"/>
        <source>its CRS ({name}) cannot be transformed to the project CRS, so it is shown in file coordinates [{why}]</source>
        <translation>CRS-nya ({name}) tidak dapat ditransformasikan ke CRS proyek, sehingga ditampilkan dalam koordinat berkas [{why}]</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{n} feature(s) lie outside the area the project CRS can show; they are kept without a shape (ids {ids})</source>
        <translation>{n} fitur berada di luar wilayah yang dapat ditampilkan CRS proyek; fitur tetap disimpan tanpa bentuk (id {ids})</translation>
    </message>
    <message>
        <location filename="../../gisdesk/core/crs.py" line="-99"/>
        <source>&apos;{crs}&apos; is not a coordinate reference system GIS Desk knows (try a code such as EPSG:4326): {why}</source>
        <translation>&apos;{crs}&apos; bukan sistem referensi koordinat yang dikenal GIS Desk (coba kode seperti EPSG:4326): {why}</translation>
    </message>
    <message>
        <location filename="../../gisdesk/io/chunked.py" line="+149"/>
        <source>some text is not valid UTF-8 although the format requires it; unreadable characters are shown as � — re-save the file as UTF-8</source>
        <translation>sebagian teks bukan UTF-8 yang valid padahal formatnya mewajibkan UTF-8; karakter yang tidak terbaca ditampilkan sebagai � — simpan ulang berkas sebagai UTF-8</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>text was decoded as {encoding} (the file does not say its code page) and looks wrong; add a .cpg file naming the right one (e.g. UTF-8, CP1252, SHIFT_JIS)</source>
        <translation>teks didekode sebagai {encoding} (berkas tidak menyebutkan code page-nya) dan tampak keliru; tambahkan berkas .cpg yang menyebutkan code page yang benar (mis. UTF-8, CP1252, SHIFT_JIS)</translation>
    </message>
</context>
<context>
    <name>Render</name>
    <message>
        <location filename="../../gisdesk/commands/render.py" line="+41"/>
        <source>extent must be minx,miny,maxx,maxy (four numbers)</source>
        <translation>cakupan harus berupa minx,miny,maxx,maxy (empat angka)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>extent max must exceed min</source>
        <translation>nilai maks cakupan harus lebih besar daripada min</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>file not found: {path}</source>
        <translation>berkas tidak ditemukan: {path}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>warning: {message}</source>
        <translation>peringatan: {message}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--width and --height must be positive</source>
        <translation>--width dan --height harus bernilai positif</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{path} has no features to draw</source>
        <translation>{path} tidak memiliki fitur untuk digambar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no layer named {names} in {path}</source>
        <translation>tidak ada lapisan bernama {names} di {path}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot write {out}</source>
        <translation>tidak dapat menulis {out}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>wrote {out} ({w}x{h}, 1:{scale:,.0f})</source>
        <translation>{out} telah ditulis ({w}x{h}, 1:{scale:,.0f})</translation>
    </message>
</context>
<context>
    <name>ResultColumns</name>
    <message>
        <location filename="../../gisdesk/ui/analysis/frame_model.py" line="+36"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main</source>
        <translation>Pipa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nearby main</source>
        <translation>Pipa terdekat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drain</source>
        <translation>Saluran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nearby drain</source>
        <translation>Saluran terdekat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distance (m)</source>
        <translation>Jarak (m)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
</context>
<context>
    <name>ResultTable</name>
    <message>
        <location filename="../../gisdesk/ui/analysis/result_table.py" line="+48"/>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Export table</source>
        <translation>Ekspor tabel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot export</source>
        <translation>Tidak dapat mengekspor</translation>
    </message>
</context>
<context>
    <name>RiskDialog</name>
    <message>
        <location filename="../../gisdesk/ui/analysis/risk_dialog.py" line="+76"/>
        <source>Risk &amp; Programme</source>
        <translation>Risiko &amp; Program</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run</source>
        <translation>Jalankan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save weights in project</source>
        <translation>Simpan bobot di proyek</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save layer to GeoPackage…</source>
        <translation>Simpan lapisan ke GeoPackage…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Spending per year</source>
        <translation>Belanja per tahun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Assets per risk class</source>
        <translation>Aset per kelas risiko</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Assets</source>
        <translation>Aset</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight: condition</source>
        <translation>Bobot: kondisi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight: age</source>
        <translation>Bobot: umur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight: recent defects</source>
        <translation>Bobot: kerusakan terbaru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight: customers / traffic</source>
        <translation>Bobot: pelanggan / lalu lintas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight: hospitals and schools nearby</source>
        <translation>Bobot: rumah sakit dan sekolah terdekat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Defects counted over (years)</source>
        <translation>Kerusakan dihitung selama (tahun)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical facilities within (m)</source>
        <translation>Fasilitas penting dalam jarak (m)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customers per consequence point</source>
        <translation>Pelanggan per poin dampak</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+8"/>
        <source>Budget per year</source>
        <translation>Anggaran per tahun</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Years</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ranked table</source>
        <translation>Tabel peringkat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Risk distribution</source>
        <translation>Sebaran risiko</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Invalid weights</source>
        <translation>Bobot tidak sah</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Risk and programme</source>
        <translation>Risiko dan program</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Risk run failed</source>
        <translation>Perhitungan risiko gagal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{n} assets ranked, {funded} funded</source>
        <translation>{n} aset diperingkat, {funded} didanai</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Run the programme first</source>
        <translation>Jalankan program terlebih dahulu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save layer to GeoPackage</source>
        <translation>Simpan lapisan ke GeoPackage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot save the layer</source>
        <translation>Lapisan tidak dapat disimpan</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../gisdesk/core/roles.py" line="+42"/>
        <source>A user profile needs a name.</source>
        <translation>Profil pengguna memerlukan nama.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown role &apos;{role}&apos;; choose one of: {roles}.</source>
        <translation>Peran &apos;{role}&apos; tidak dikenal; pilih salah satu: {roles}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown department (OPD) &apos;{opd}&apos;; choose one of: {codes}.</source>
        <translation>Perangkat daerah (OPD) &apos;{opd}&apos; tidak dikenal; pilih salah satu: {codes}.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{user} has the viewer role and cannot edit &apos;{layer}&apos;.</source>
        <translation>{user} berperan sebagai peninjau dan tidak dapat menyunting &apos;{layer}&apos;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{user} ({opd}) cannot edit &apos;{layer}&apos;: it is owned by {owner}.</source>
        <translation>{user} ({opd}) tidak dapat menyunting &apos;{layer}&apos;: lapisan ini milik {owner}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>administrators</source>
        <translation>administrator</translation>
    </message>
</context>
<context>
    <name>SampleDataCommand</name>
    <message>
        <location filename="../../gisdesk/commands/sample_data.py" line="+20"/>
        <source>generate the Gorontalo sample city as a GeoPackage</source>
        <translation>buat kota contoh Gorontalo sebagai GeoPackage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a deterministic Gorontalo-like city (roads, buildings, water network, drains, streetlights, kelurahan, inspections) matching the layer definitions. Scale 1 is about 10 000 buildings, scale 100 about a million.</source>
        <translation>Tulis kota deterministik yang menyerupai Gorontalo (jalan, bangunan, jaringan air, saluran, lampu jalan, kelurahan, pemeriksaan) sesuai definisi lapisan. Skala 1 sekitar 10 000 bangunan, skala 100 sekitar satu juta.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>folder to write into (default: current folder)</source>
        <translation>folder tujuan (bawaan: folder saat ini)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>size of the city; 1 ≈ 10 000 buildings</source>
        <translation>ukuran kota; 1 ≈ 10 000 bangunan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>random seed (same seed and scale, same city)</source>
        <translation>benih acak (benih dan skala sama, kota sama)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>file name (default: gorontalo_sample.gpkg for scale 1, gorontalo_scale&lt;N&gt;.gpkg otherwise)</source>
        <translation>nama berkas (bawaan: gorontalo_sample.gpkg untuk skala 1, selain itu gorontalo_scale&lt;N&gt;.gpkg)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--scale must be greater than 0</source>
        <translation>--scale harus lebih besar dari 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--out must be a folder: {path}</source>
        <translation>--out harus berupa folder: {path}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Generating scale {scale:g} (seed {seed}) into {path}</source>
        <translation>Membuat skala {scale:g} (benih {seed}) ke {path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wrote {path} ({size:.1f} MB) in {seconds:.1f} s</source>
        <translation>{path} telah ditulis ({size:.1f} MB) dalam {seconds:.1f} d</translation>
    </message>
</context>
<context>
    <name>SelectByLocationDialog</name>
    <message>
        <location filename="../../gisdesk/ui/analysis/location_dialog.py" line="+70"/>
        <source>Select by Location</source>
        <translation>Pilih berdasarkan Lokasi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>intersect</source>
        <translation>berpotongan dengan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>are within</source>
        <translation>berada di dalam</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>contain</source>
        <translation>memuat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>are within a distance of</source>
        <translation>berada dalam jarak dari</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only the selected features of B</source>
        <translation>Hanya fitur B yang dipilih</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. &quot;condition&quot; &lt;= 2</source>
        <translation>mis. &quot;condition&quot; &lt;= 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select them</source>
        <translation>Pilih fitur tersebut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New temporary layer</source>
        <translation>Lapisan sementara baru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save to a GeoPackage…</source>
        <translation>Simpan ke GeoPackage…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save query…</source>
        <translation>Simpan kueri…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select features of (A)</source>
        <translation>Pilih fitur dari (A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>that</source>
        <translation>yang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distance</source>
        <translation>Jarak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>features of (B)</source>
        <translation>fitur dari (B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter B</source>
        <translation>Saring B</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Select by location</source>
        <translation>Pilih berdasarkan lokasi</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{a} or {b} changed while the query ran; nothing was selected. Run it again.</source>
        <translation>{a} atau {b} berubah selama kueri berjalan; tidak ada yang dipilih. Jalankan lagi.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Save query</source>
        <translation>Simpan kueri</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot save query</source>
        <translation>Kueri tidak dapat disimpan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save to GeoPackage</source>
        <translation>Simpan ke GeoPackage</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+9"/>
        <location line="+7"/>
        <source>Cannot run the query</source>
        <translation>Kueri tidak dapat dijalankan</translation>
    </message>
</context>
<context>
    <name>SetCrsDialog</name>
    <message>
        <location filename="../../gisdesk/ui/dialogs/layer_crs_dialog.py" line="+75"/>
        <source>Set CRS of {layer}</source>
        <translation>Atur CRS {layer}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say which coordinate reference system the coordinates of &apos;{layer}&apos; are in. They are not changed: the layer is then shown in the right place on the map.</source>
        <translation>Tentukan sistem referensi koordinat yang dipakai koordinat &apos;{layer}&apos;. Koordinatnya tidak diubah: lapisan kemudian ditampilkan di tempat yang benar pada peta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Common for Gorontalo:</source>
        <translation>Umum untuk Gorontalo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;EPSG code or CRS:</source>
        <translation>Kode &amp;EPSG atau CRS:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Current CRS: none (the file does not say)</source>
        <translation>CRS saat ini: tidak ada (berkas tidak menyebutkannya)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Current CRS: {crs}</source>
        <translation>CRS saat ini: {crs}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Type a code such as EPSG:4326, or pick one above.</source>
        <translation>Ketik kode seperti EPSG:4326, atau pilih salah satu di atas.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;{text}&apos; is not a CRS GIS Desk knows. Use an EPSG code such as EPSG:32651 (WGS 84 / UTM zone 51N) or EPSG:4326 (longitude/latitude).</source>
        <translation>&apos;{text}&apos; bukan CRS yang dikenal GIS Desk. Gunakan kode EPSG seperti EPSG:32651 (WGS 84 / UTM zona 51N) atau EPSG:4326 (bujur/lintang).</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Set CRS</source>
        <translation>Atur CRS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer &apos;{layer}&apos; has edits in this session (see the undo history). Save them and restart GIS Desk before changing the layer&apos;s CRS.</source>
        <translation>Lapisan &apos;{layer}&apos; memiliki suntingan dalam sesi ini (lihat riwayat urungkan). Simpan suntingan itu dan mulai ulang GIS Desk sebelum mengubah CRS lapisan.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>CRS of {layer} set to {crs}</source>
        <translation>CRS {layer} diatur ke {crs}</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <location filename="../../gisdesk/io/gpkg_store_tables.py" line="+59"/>
        <source>table &apos;{table}&apos; is not in this GeoPackage</source>
        <translation>tabel &apos;{table}&apos; tidak ada di GeoPackage ini</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>table &apos;{table}&apos; has no key column &apos;{key}&apos;</source>
        <translation>tabel &apos;{table}&apos; tidak memiliki kolom kunci &apos;{key}&apos;</translation>
    </message>
    <message>
        <location filename="../../gisdesk/io/gpkg_store.py" line="+70"/>
        <source>the file is read-only</source>
        <translation>berkas ini hanya-baca</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file is locked by another program (close it there)</source>
        <translation>berkas dikunci oleh program lain (tutup di sana)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the disk is full</source>
        <translation>disk penuh</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not save to {path}: {why}. Nothing was written; your edits are kept and can be saved again.</source>
        <translation>Tidak dapat menyimpan ke {path}: {why}. Tidak ada yang ditulis; suntingan Anda tetap ada dan dapat disimpan lagi.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>table &apos;{table}&apos; has {n} features with {key} = {uuid} (changed by someone else?)</source>
        <translation>tabel &apos;{table}&apos; memiliki {n} fitur dengan {key} = {uuid} (diubah oleh orang lain?)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Layer &apos;{layer}&apos; has no GeoPackage to save to.</source>
        <translation>Lapisan &apos;{layer}&apos; tidak memiliki GeoPackage untuk menyimpan.</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>{path} already has a table &apos;{table}&apos;.</source>
        <translation>{path} sudah memiliki tabel &apos;{table}&apos;.</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <location filename="../../gisdesk/ui/analysis/summary_dialog.py" line="+43"/>
        <source>Summaries by Area</source>
        <translation>Ringkasan per Wilayah</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. &quot;install_year&quot; &lt; 1986</source>
        <translation>mis. &quot;install_year&quot; &lt; 1986</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Summarise</source>
        <translation>Ringkas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Areas</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area name field</source>
        <translation>Kolom nama wilayah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Features</source>
        <translation>Fitur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Split by</source>
        <translation>Pisahkan menurut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter</source>
        <translation>Saringan</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>(nothing)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Summaries by area</source>
        <translation>Ringkasan per wilayah</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{n} areas</source>
        <translation>{n} wilayah</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Cannot summarise</source>
        <translation>Tidak dapat meringkas</translation>
    </message>
</context>
<context>
    <name>SyncHistory</name>
    <message>
        <location filename="../../gisdesk/ui/sync/dialogs.py" line="-57"/>
        <source>hub created</source>
        <translation>hub dibuat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no changes</source>
        <translation>tidak ada perubahan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>direct database edit</source>
        <translation>suntingan langsung di basis data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} added</source>
        <translation>{n} ditambahkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} updated</source>
        <translation>{n} diubah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} deleted</source>
        <translation>{n} dihapus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} conflict(s)</source>
        <translation>{n} konflik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{counts} in {layer}</source>
        <translation>{counts} di {layer}</translation>
    </message>
</context>
<context>
    <name>SyncHub</name>
    <message>
        <location filename="../../gisdesk/sync/postgis_hub.py" line="+227"/>
        <source>{hub} was made by a newer GIS Desk (hub schema version {version}; this GIS Desk knows up to {known}). Update GIS Desk on this workstation to use it; nothing was changed.</source>
        <translation>{hub} dibuat oleh GIS Desk yang lebih baru (versi skema hub {version}; GIS Desk ini hanya mengenal sampai {known}). Perbarui GIS Desk di komputer ini untuk memakainya; tidak ada yang diubah.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>per-row audit trigger</source>
        <translation>trigger audit per baris</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>statement-level audit trigger, direct database edits not distributed</source>
        <translation>trigger audit per pernyataan, suntingan langsung di basis data tidak dibagikan</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{hub} was made by an older GIS Desk (hub schema version {version}: {old}) and must be upgraded once to version {known} by the owner of the hub&apos;s database objects: run &apos;{command}&apos; as that user. Nothing was changed.</source>
        <translation>{hub} dibuat oleh GIS Desk yang lebih lama (versi skema hub {version}: {old}) dan harus ditingkatkan sekali ke versi {known} oleh pemilik objek basis data hub: jalankan &apos;{command}&apos; sebagai pengguna tersebut. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>{hub} changed during this sync (an edit made directly in the database); nothing was sent. Sync again.</source>
        <translation>{hub} berubah selama sinkronisasi ini (suntingan langsung di basis data); tidak ada yang dikirim. Sinkronkan lagi.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{hub} is busy (someone is editing its tables directly); nothing was sent. Try again shortly.</source>
        <translation>{hub} sedang sibuk (seseorang menyunting tabelnya secara langsung); tidak ada yang dikirim. Coba lagi sebentar lagi.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../gisdesk/ui/sync/sync_panel.py" line="+108"/>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revision</source>
        <translation>Revisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync</source>
        <translation>Sinkronisasi terakhir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Local changes</source>
        <translation>Perubahan lokal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hub reachable</source>
        <translation>Hub dapat dijangkau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conflicts</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync now</source>
        <translation>Sinkronkan sekarang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send your edits to the hub and receive others&apos; edits</source>
        <translation>Kirim suntingan Anda ke hub dan terima suntingan orang lain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview…</source>
        <translation>Pratinjau…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts…</source>
        <translation>Konflik…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History…</source>
        <translation>Riwayat…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hub&apos;s revisions and every conflict record: the value kept and the value set aside</source>
        <translation>Revisi hub dan setiap catatan konflik: nilai yang dipertahankan dan nilai yang disisihkan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Asset history…</source>
        <translation>Riwayat aset…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who changed the identified or selected feature and when</source>
        <translation>Siapa yang mengubah fitur yang diidentifikasi atau dipilih, dan kapan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No working copy is open. Use File ▸ Check out from hub… to get the city&apos;s data, or open the data.gpkg of an existing working copy.</source>
        <translation>Tidak ada salinan kerja yang terbuka. Gunakan Berkas ▸ Ambil dari hub… untuk mendapatkan data kota, atau buka data.gpkg dari salinan kerja yang sudah ada.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no — working offline</source>
        <translation>tidak — bekerja luring</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Syncing…</source>
        <translation>Menyinkronkan…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Already up to date (revision %1).</source>
        <translation>Sudah mutakhir (revisi %1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Synced to revision %1: %2 sent, %3 received, %4 conflict(s).</source>
        <translation>Tersinkron ke revisi %1: %2 dikirim, %3 diterima, %4 konflik.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SYNC FAILED — nothing was lost; your edits stay here and the next sync completes it. Reason: %1</source>
        <translation>SINKRONISASI GAGAL — tidak ada yang hilang; suntingan Anda tetap di sini dan sinkronisasi berikutnya akan menyelesaikannya. Penyebab: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sync failed</source>
        <translation>Sinkronisasi gagal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync cancelled; nothing was sent or received.</source>
        <translation>Sinkronisasi dibatalkan; tidak ada yang dikirim atau diterima.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+21"/>
        <source>Hub unreachable</source>
        <translation>Hub tidak dapat dijangkau</translation>
    </message>
</context>
<context>
    <name>SyncRecords</name>
    <message>
        <location filename="../../gisdesk/ui/sync/dialogs.py" line="+256"/>
        <source>waiting for a person (the hub value stands)</source>
        <translation>menunggu keputusan seseorang (nilai hub berlaku)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a person</source>
        <translation>seseorang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the hub&apos;s value wins</source>
        <translation>nilai hub menang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the workstation&apos;s value wins</source>
        <translation>nilai komputer ini menang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keep both</source>
        <translation>simpan keduanya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the latest inspection wins</source>
        <translation>inspeksi terbaru menang</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the edited feature</source>
        <translation>fitur yang disunting</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>the delete</source>
        <translation>penghapusan</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>the hub&apos;s edited feature</source>
        <translation>fitur yang disunting di hub</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(not recorded)</source>
        <translation>(tidak tercatat)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mine: %1 / theirs: %2</source>
        <translation>milik saya: %1 / milik mereka: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nothing (both kept)</source>
        <translation>tidak ada (keduanya disimpan)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(whole feature)</source>
        <translation>(seluruh fitur)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time (UTC)</source>
        <translation>Waktu (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Pembuat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer</source>
        <translation>Lapisan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asset UUID</source>
        <translation>UUID aset</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value kept</source>
        <translation>Nilai dipertahankan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value set aside</source>
        <translation>Nilai disisihkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decided by</source>
        <translation>Diputuskan oleh</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <location filename="../../gisdesk/ui/sync/__init__.py" line="+60"/>
        <source>Check out from &amp;hub…</source>
        <translation>Ambil dari &amp;hub…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ync with hub</source>
        <translation>Sinkronkan &amp;dengan hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asset history…</source>
        <translation>Riwayat aset…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who changed this asset and when, from the hub&apos;s history</source>
        <translation>Siapa yang mengubah aset ini dan kapan, dari riwayat hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unsaved edits</source>
        <translation>Suntingan belum disimpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save your unsaved edits before syncing? They are sent with this sync.</source>
        <translation>Simpan suntingan yang belum disimpan sebelum sinkronisasi? Suntingan itu akan dikirim bersama sinkronisasi ini.</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+4"/>
        <source>Asset history</source>
        <translation>Riwayat aset</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Identify or select a feature first.</source>
        <translation>Identifikasi atau pilih fitur terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The open data is not a working copy of a hub, so it has no sync history. Use File ▸ Check out from hub… first.</source>
        <translation>Data yang terbuka bukan salinan kerja dari hub, jadi tidak punya riwayat sinkronisasi. Gunakan Berkas ▸ Ambil dari hub… terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hub unreachable</source>
        <translation>Hub tidak dapat dijangkau</translation>
    </message>
</context>
<context>
    <name>Trace</name>
    <message>
        <location filename="../../gisdesk/commands/trace.py" line="+73"/>
        <source>{0} expects X,Y (two numbers separated by a comma), got &apos;{1}&apos;</source>
        <translation>{0} memerlukan X,Y (dua angka dipisahkan koma), tetapi diberikan &apos;{1}&apos;</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>break {0:.1f} m from the nearest main</source>
        <translation>titik putus {0:.1f} m dari pipa terdekat</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>{0}: {1} connected pieces (mains per piece: {2})</source>
        <translation>{0}: {1} bagian yang terhubung (pipa per bagian: {2})</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>wrote {0}</source>
        <translation>{0} telah ditulis</translation>
    </message>
</context>
<context>
    <name>TraceTool</name>
    <message>
        <location filename="../../gisdesk/ui/analysis/network_tools.py" line="-64"/>
        <source>downstream</source>
        <translation>hilir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>upstream</source>
        <translation>hulu</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <location filename="../../gisdesk/core/validation.py" line="+37"/>
        <source>Layer &apos;{layer}&apos;, feature {feature}, field &apos;{field}&apos;: {msg}</source>
        <translation>Lapisan &apos;{layer}&apos;, fitur {feature}, kolom &apos;{field}&apos;: {msg}</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>a UUID such as 123e4567-e89b-12d3-a456-426614174000</source>
        <translation>UUID seperti 123e4567-e89b-12d3-a456-426614174000</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text</source>
        <translation>teks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a whole number</source>
        <translation>bilangan bulat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a number</source>
        <translation>angka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a date YYYY-MM-DD</source>
        <translation>tanggal TTTT-BB-HH</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a date and time YYYY-MM-DDTHH:MM:SS</source>
        <translation>tanggal dan waktu TTTT-BB-HHTjj:mm:dd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>true or false</source>
        <translation>benar atau salah</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{value} is below the minimum {min}</source>
        <translation>{value} di bawah nilai minimum {min}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{value} is above the maximum {max}</source>
        <translation>{value} di atas nilai maksimum {max}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>text is {n} characters long; at most {max} allowed</source>
        <translation>teks sepanjang {n} karakter; paling banyak {max} yang diizinkan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{value!r} is not in the list &apos;{domain}&apos;; allowed: {allowed}</source>
        <translation>{value!r} tidak ada dalam daftar &apos;{domain}&apos;; yang diizinkan: {allowed}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>no such field in the layer definition</source>
        <translation>kolom ini tidak ada dalam definisi lapisan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a value is required</source>
        <translation>nilai wajib diisi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{value!r} is not {expected}</source>
        <translation>{value!r} bukan {expected}</translation>
    </message>
</context>
<context>
    <name>ValueFormat</name>
    <message>
        <location filename="../../gisdesk/ui/panels/value_format.py" line="+70"/>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../gisdesk/ui/welcome.py" line="+172"/>
        <source>No profile yet: you can look at the map, but editing needs a profile.</source>
        <translation>Belum ada profil: Anda dapat melihat peta, tetapi menyunting memerlukan profil.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>viewer</source>
        <translation>peninjau</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>editor</source>
        <translation>penyunting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Editing as {name} ({opd}), role: {role}.</source>
        <translation>Menyunting sebagai {name} ({opd}), peran: {role}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Welcome to GIS Desk</source>
        <translation>Selamat datang di GIS Desk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GIS Desk keeps the city&apos;s assets — roads, water mains, drains, streetlights and more — on your computer, works without a network and syncs with your team when you are back online. Where would you like to start?</source>
        <translation>GIS Desk menyimpan aset kota — jalan, pipa air, saluran, lampu jalan, dan lainnya — di komputer Anda, bekerja tanpa jaringan, dan menyinkronkan dengan tim Anda saat kembali daring. Mau mulai dari mana?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language:</source>
        <translation>Bahasa:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the sample city</source>
        <translation>Buka kota contoh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A made-up city shaped like Gorontalo, to try every tool without risk.</source>
        <translation>Kota rekaan yang menyerupai Gorontalo, untuk mencoba semua alat tanpa risiko.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a file…</source>
        <translation>Buka berkas…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GeoPackage, Shapefile, GeoJSON, KML, CSV and more, or a GIS Desk project.</source>
        <translation>GeoPackage, Shapefile, GeoJSON, KML, CSV, dan lainnya, atau proyek GIS Desk.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check out from a hub…</source>
        <translation>Ambil dari hub…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy your department&apos;s shared data to this computer to edit it offline and sync later.</source>
        <translation>Salin data bersama OPD Anda ke komputer ini untuk disunting tanpa jaringan dan disinkronkan nanti.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set up your profile…</source>
        <translation>Atur profil Anda…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name, department (OPD) and role: recorded with every edit and sync.</source>
        <translation>Nama, perangkat daerah (OPD), dan peran Anda: dicatat pada setiap suntingan dan sinkronisasi.</translation>
    </message>
</context>
</TS>
