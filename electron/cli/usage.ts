export const USAGE = `Minh Bạch — kho lưu trữ số hóa và công khai thông tin (dòng lệnh)

Cách dùng: minhbach <lệnh> [tùy chọn]

Lệnh:
  import ĐƯỜNG_DẪN...              Nhập tệp hoặc thư mục (đệ quy): PDF, PNG, JPEG, TIFF, WebP
  list                             Liệt kê tài liệu
  show ID                          Xem một tài liệu (trang, trường tiêu đề, phân loại, lịch sử)
  search TRUY_VẤN                  Tìm kiếm (không cần gõ dấu); "cụm từ", tiền_tố*
        [--access public|conditional|secret|undecided] [--type LOẠI] [--year NĂM]
        [--issuer CƠ_QUAN] [--status TRẠNG_THÁI] [--limit N]
  ocr ID... | --all                Nhận dạng chữ (OCR, ngoại tuyến) các trang ảnh chưa có chữ
        [--workers N] [--force]    N luồng OCR (mặc định: số nhân CPU); --force: OCR lại mọi trang
  pdf ID --out TỆP                 Xuất PDF tìm kiếm được (ảnh trang + lớp chữ ẩn)
  extract ID... | --all            Đọc trường tiêu đề, dấu mật/khẩn, dữ liệu cá nhân từ chữ của trang
  suggest ID... | --all            Đề xuất phân loại tiếp cận (kèm căn cứ pháp lý và lý do)
  review ID --access public|conditional|secret --basis MÃ --reviewer TÊN [--note LÝ_DO]
        [--draft] [--basis-version PHIÊN_BẢN]
                                   Ghi quyết định phân loại (sửa quyết định đã duyệt phải có --note)
  review --approve-suggestions --reviewer TÊN [--access C] [--type LOẠI] [--dry-run]
                                   Phê duyệt hàng loạt các đề xuất (--dry-run: chỉ liệt kê)
  audit [verify] [--document ID]   Nhật ký kiểm toán; verify: kiểm tra chuỗi băm, chỉ ra sự kiện bị sửa
  export --out THƯ_MỤC [--zip TỆP] [--as-of yyyy-mm-dd]
                                   Xuất chuyên mục tiếp cận thông tin (trang web tĩnh, danh mục JSON/CSV/
                                   Excel/PDF/Word, manifest); chỉ tài liệu đã phê duyệt; ghi lại phần thay đổi
  run THƯ_MỤC --out THƯ_MỤC [--zip TỆP] [--approve-suggestions --reviewer TÊN] [--ocr-workers N]
                                   Nhập → OCR → đọc tiêu đề → đề xuất → xuất; chỉ công bố tài liệu đã phê duyệt
                                   (--approve-suggestions: TÊN phê duyệt mọi đề xuất của lần chạy, có kiểm toán);
                                   chạy lại sau sự cố: không bước nào làm hai lần
  confirm ID --reviewer TÊN [--fields a,b]
                                   Xác nhận các trường “cần kiểm tra” (OCR chưa chắc chắn) trước khi phê duyệt công bố
  settings [--auto-ocr on|off] [--ocr-languages vie,eng] [--ocr-workers N]
                                   Cài đặt của quy trình: OCR tự động sau khi nhập, ngôn ngữ OCR, số luồng OCR
  jobs [cancel ID | retry ID]      Các công việc (nhập, OCR, đọc tiêu đề): tiến độ, hủy, chạy lại mục lỗi
  agency [--name T] [--address T] [--focal-name T] [--focal-position T] [--focal-phone T]
        [--focal-email T] [--request-address T] [--feedback-address T] [--site-url URL]
        [--period-months N] [--form 01a=TỆP ...]
                                   Thông tin cơ quan cho chuyên mục (để trống để xóa); biểu mẫu 01a–06
  resume                           Chạy hết các công việc đang chờ hoặc dở dang (nhập, OCR, đọc tiêu đề, đề xuất)
  verify                           Kiểm tra toàn vẹn: băm lại mọi tệp đã lưu
  backup TỆP                       Sao lưu trực tuyến cơ sở dữ liệu và kho tệp vào một tệp
  restore TỆP --data-dir THƯ_MỤC   Khôi phục vào một thư mục dữ liệu trống

Tùy chọn chung:
  --data-dir THƯ_MỤC   Thư mục dữ liệu (mặc định: MINHBACH_DATA_DIR hoặc thư mục ứng dụng của người dùng)
  --json               Kết quả dạng JSON trên stdout; tiến độ và nhật ký trên stderr
  -h, --help           Trợ giúp

Mã thoát: 0 lệnh đã chạy (kể cả khi có tệp bị từ chối); 1 lỗi hoặc kiểm tra không đạt; 2 sai cú pháp.
`;
