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
  pdf ID --out TỆP [--redacted]    Xuất PDF tìm kiếm được (ảnh trang + lớp chữ ẩn); --redacted: bản che
                                   (vùng che tô đen, nhãn căn cứ, chữ OCR lại từ ảnh đã che)
  extract ID... | --all            Đọc trường tiêu đề, dấu mật/khẩn, dữ liệu cá nhân từ chữ của trang
  suggest ID... | --all            Đề xuất phân loại tiếp cận (kèm căn cứ pháp lý và lý do)
  review ID --access public|conditional|secret --basis MÃ --reviewer TÊN [--note LÝ_DO]
        [--draft] [--basis-version PHIÊN_BẢN] [--title TÊN_CÔNG_BỐ] [--dry-run] [--partial]
                                   Ghi quyết định phân loại (sửa quyết định đã duyệt phải có --note);
                                   --title: tên đăng trên danh mục (mặc định: tên đã che dữ liệu cá nhân);
                                   --dry-run: chỉ in tên sẽ công bố, chưa ghi;
                                   --partial: công khai một phần (chỉ công bố bản che, xem lệnh redact)
  redact ID --reviewer TÊN [--auto] [--accept SỐ,…|all] [--remove SỐ,…] [--reopen SỐ,…]
        [--box TRANG:x,y,rộng,cao] [--text TRANG:ĐẦU-CUỐI] [--ground MÃ] [--build]
                                   Vùng che (công khai một phần): đề xuất từ dữ liệu cá nhân và đoạn được
                                   bảo vệ; --auto: chấp nhận mọi đề xuất rồi tạo bản che; --box: vẽ vùng
                                   (phân số 0–1 của ảnh trang); --text: che đoạn chữ; --build: tạo bản che
  review --approve-suggestions --reviewer TÊN [--access C] [--type LOẠI] [--dry-run]
                                   Phê duyệt hàng loạt các đề xuất (--dry-run: chỉ liệt kê)
  review --undo --reviewer TÊN     Hoàn tác quyết định gần nhất của TÊN (trở lại quyết định trước, chưa phê duyệt)
  model [status]                   Mô hình đề xuất học từ các quyết định đã phê duyệt: đã học bao nhiêu, căn cứ nào
  model train                      Cho mô hình học các quyết định đã phê duyệt mới (tự chạy trước suggest, run)
  model export TỆP [--source TÊN]  Xuất mô hình để chia sẻ làm mô hình khởi đầu (bỏ từ xuất hiện trong dưới 3 văn bản)
  model import TỆP                 Nhập mô hình khởi đầu; mô hình được học lại cùng các quyết định của kho này
  audit [verify] [--document ID]   Nhật ký kiểm toán; verify: kiểm tra chuỗi băm, chỉ ra sự kiện bị sửa
  export --out THƯ_MỤC [--zip TỆP] [--as-of yyyy-mm-dd]
                                   Xuất chuyên mục tiếp cận thông tin (trang web tĩnh, danh mục JSON/CSV/
                                   Excel/PDF/Word, manifest); chỉ tài liệu đã phê duyệt; dựng bản mới
                                   bên cạnh, kiểm tra rồi thay thư mục trong một bước (lỗi: giữ bản cũ)
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
  request add --received YYYY-MM-DD --channel in-person|post|email|portal|phone|fax|national-portal|app
        --requester TÊN --subject NỘI_DUNG [--organisation] [--contact T] [--complex] [--documents ID,...]
                                   Vào sổ yêu cầu cung cấp thông tin; in {"id", "dueDate"} với --json
  request list [--overdue|--near|--open] [--year NĂM]   Sổ theo dõi yêu cầu (hạn theo ngày làm việc)
  request show ID | link ID --documents ID,... | extend ID --reason LÝ_DO | withdraw ID
  request answer ID --outcome provided|partly|refused [--basis MÃ,...] [--documents ID,...]
        --reviewer TÊN [--note T] [--fees print=N,postage=N] [--date YYYY-MM-DD]
                                   Trả lời; tài liệu có điều kiện chỉ được cung cấp khi có sự đồng ý
  request notice ID --kind acceptance|extension|refusal|provision --out TỆP.pdf|.docx
  request files ID --out THƯ_MỤC   Các tệp đã cung cấp (bản công bố, không phải bản gốc)
  request stats --year NĂM [--xlsx TỆP] [--pdf TỆP]   Thống kê năm (hình thức, kết quả, đúng hạn, căn cứ)
  consent add --document ID[,ID] --person TÊN --scope PHẠM_VI [--business] [--date YYYY-MM-DD]
        [--until YYYY-MM-DD] [--file BẢN_QUÉT]       Ghi văn bản đồng ý (Điều 7 Luật Tiếp cận thông tin)
  consent list [--document ID] | consent revoke ID [--date YYYY-MM-DD]
  scan --list                      Liệt kê máy quét (SANE trên Linux/macOS, WIA trên Windows)
  scan [--device D] [--source adf|flatbed] [--duplex] [--dpi 300] [--colour grey|colour|lineart]
        [--page-size a4|a3|letter|legal|max] [--split none|blank|qr] [--keep-blank]
        [--profile TÊN] [--option TÊN=GIÁ_TRỊ] [--no-ocr]
                                   Quét một lô, bỏ trang trắng, tách thành tài liệu, lưu vào kho rồi OCR
                                   (máy quét mạng: --device escl:http://ĐỊA_CHỈ_IP)
  scan --batch ID | --archive ID | --discard ID | --batches
                                   Quét tiếp vào lô còn mở / lưu lô vào kho / hủy lô / liệt kê lô còn mở
  scan --separator-sheet TỆP.pdf   Ghi trang phân cách có mã QR (in ra, đặt trước mỗi tài liệu)
  resume                           Chạy hết các công việc đang chờ hoặc dở dang (nhập, OCR, đọc tiêu đề, đề xuất)
  verify [--quick]                 Kiểm tra toàn vẹn: cơ sở dữ liệu, khóa ngoại, chỉ mục tìm kiếm, nhật ký
                                   kiểm toán, cấu trúc, mã băm mọi tệp, tệp thừa, biểu mẫu; nêu tài liệu hỏng
  backup TỆP                       Sao lưu trực tuyến cơ sở dữ liệu và kho tệp vào một tệp
  restore TỆP --data-dir THƯ_MỤC   Khôi phục vào một thư mục dữ liệu trống (kiểm tra mọi thứ trước)

Tùy chọn chung:
  --data-dir THƯ_MỤC   Thư mục dữ liệu (mặc định: MINHBACH_DATA_DIR hoặc thư mục ứng dụng của người dùng)
  --json               Kết quả dạng JSON trên stdout; tiến độ và nhật ký trên stderr
  --verbose            In nhật ký tiếng Anh (và chi tiết lỗi) ra stderr
  -h, --help           Trợ giúp

Mã thoát: 0 lệnh đã chạy (kể cả khi có tệp bị từ chối); 1 lỗi hoặc kiểm tra không đạt; 2 sai cú pháp.
`;
