#include "server/api/api_error.h"

#include <array>

namespace bhabin::server::api {

namespace {

struct Message {
  std::string_view code;
  std::string_view indonesian;
  std::string_view english;
};

constexpr std::array kMessages = {
    Message{"invalid_form", "Periksa kembali isian yang ditandai.", "Please check the marked fields."},
    Message{"invalid_json", "Data yang dikirim bukan JSON yang sah.", "The request body is not valid JSON."},
    Message{"invalid_parameter", "Parameter permintaan tidak sah.", "A request parameter is not valid."},
    Message{"body_too_large", "Data yang dikirim terlalu besar.", "The request body is too large."},
    Message{"unsupported_media_type", "Jenis data tidak didukung.", "This content type is not supported."},
    Message{"not_found", "Tidak ditemukan.", "Not found."},
    Message{"bad_request", "Permintaan tidak dapat dibaca.", "The request could not be read."},
    Message{"request_timeout", "Permintaan datang terlalu lambat; periksa sinyal lalu coba lagi.",
            "The request arrived too slowly; check the connection and try again."},
    Message{"report_not_found", "Laporan dengan kode dan kunci itu tidak ditemukan.",
            "No report matches that tracking code and secret."},
    Message{"invalid_tracking_code", "Kode pelacakan tidak sah; periksa kembali setiap karakter.",
            "The tracking code is not valid; check each character."},
    Message{"tracking_code_taken", "Kode pelacakan ini sudah dipakai laporan lain.",
            "This tracking code is already used by another report."},
    Message{"idempotency_key_required", "Header Idempotency-Key wajib diisi.", "The Idempotency-Key header is required."},
    Message{"idempotency_key_invalid", "Idempotency-Key harus 16 sampai 64 huruf, angka, '-' atau '_'.",
            "Idempotency-Key must be 16 to 64 letters, digits, '-' or '_'."},
    Message{"idempotency_key_reused", "Idempotency-Key ini sudah dipakai untuk permintaan lain.",
            "This Idempotency-Key was already used for a different request."},
    Message{"unknown_village", "Desa tidak dikenal.", "Unknown village."},
    Message{"unknown_regency", "Kabupaten/kota ini tidak ada di server ini.", "This regency or city is not on this server."},
    Message{"login_required", "Silakan masuk terlebih dahulu.", "Please log in first."},
    Message{"session_expired", "Sesi Anda telah berakhir; silakan masuk lagi.", "Your session has ended; please log in again."},
    Message{"login_failed", "NRP atau kata sandi salah.", "Wrong NRP or password."},
    Message{"account_inactive", "Akun ini tidak aktif.", "This account is not active."},
    Message{"forbidden", "Anda tidak berwenang untuk tindakan ini.", "You are not allowed to do this."},
    Message{"move_not_allowed", "Perubahan status ini tidak diizinkan.", "This status change is not allowed."},
    Message{"report_not_resolved", "Laporan ini belum diselesaikan petugas, atau sudah ditutup.",
            "The officer has not resolved this report, or it is already closed."},
    Message{"confirm_window_passed", "Batas waktu konfirmasi sudah lewat; laporan ditutup otomatis.",
            "The time to confirm has passed; the report was closed automatically."},
    Message{"invalid_rating", "Penilaian harus 1 sampai 5 bintang, atau dikosongkan.",
            "A rating is 1 to 5 stars, or none."},
    Message{"weak_password", "Kata sandi minimal 10 karakter dan tidak sama dengan NRP.",
            "A password needs at least 10 characters and must differ from the NRP."},
    Message{"officer_not_found", "Petugas dengan NRP itu tidak ada di wilayah Anda.",
            "No officer with that NRP in your area."},
    Message{"nrp_taken", "NRP ini sudah terdaftar.", "This NRP is already registered."},
    Message{"village_taken", "Desa ini sudah dipegang petugas lain; pilih ambil alih untuk memindahkannya.",
            "Another officer holds this village; choose take over to move it."},
    Message{"village_outside_area", "Desa ini di luar wilayah Anda.", "This village is outside your area."},
    Message{"village_without_center", "Desa pertama belum memiliki titik tengah; pilih desa lain sebagai yang pertama.",
            "The first village has no centre yet; put another village first."},
    Message{"invalid_period", "Periode tidak sah: isi tanggal from dan to (YYYY-MM-DD), paling lama 366 hari.",
            "The period is not valid: give from and to dates (YYYY-MM-DD), at most 366 days apart."},
    Message{"reason_required", "Alasan wajib diisi untuk mengunduh data pribadi.",
            "A reason is required to export personal data."},
    Message{"export_too_large", "Terlalu banyak baris; perpendek periodenya.", "Too many rows; shorten the period."},
    Message{"too_many_requests", "Terlalu banyak percobaan; coba lagi nanti.", "Too many attempts; try again later."},
    Message{"server_busy", "Server sedang sibuk; coba lagi sebentar.", "The server is busy; try again shortly."},
    Message{"internal_error", "Terjadi kesalahan di server; laporan Anda tidak hilang, coba lagi.",
            "Something went wrong on the server; nothing was lost, please try again."},
};

}  // namespace

std::string_view errorMessage(std::string_view code, i18n::Language language) {
  for (const Message& message : kMessages) {
    if (message.code == code) return language == i18n::Language::Indonesian ? message.indonesian : message.english;
  }
  return language == i18n::Language::Indonesian ? "Terjadi kesalahan." : "Something went wrong.";
}

std::vector<std::string_view> knownErrorCodes() {
  std::vector<std::string_view> codes;
  for (const Message& message : kMessages) codes.push_back(message.code);
  return codes;
}

}  // namespace bhabin::server::api
