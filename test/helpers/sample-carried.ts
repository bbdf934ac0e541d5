// The sample school's tasks neither done nor cancelled, in plan order: [title, owner, deadline],
// written out by hand from src/core/sample.ts (what a rollover of the sample carries).
export const SAMPLE_CARRIED_TASKS: readonly (readonly [string, string, string])[] = [
  ['Duy trì chuyên mục CCHC', 'Lý Thị Phương Dung', '2024-12-31'],
  ['Rà soát, khắc phục hạn chế theo kết quả Chỉ số CCHC', 'Nguyễn Mai Hằng', '2024-06-15'],
  ['Thực hiện thư xin lỗi', 'Huỳnh Thị Mỹ Linh', '2024-12-31'],
  ['Số hóa kết quả và hồ sơ giải quyết TTHC', 'Huỳnh Thị Mỹ Linh', '2024-07-05'],
  ['Tổ chức đối thoại với PHHS', 'Trần Thị Thu Hà', '2024-09-30'],
  ['Rà soát, sắp xếp tổ chức bộ máy', 'Nguyễn Mai Hằng', '2024-08-15'],
  ['Thực hiện Quy chế phối hợp', 'Lê Thị Hoà', '2024-06-20'],
  ['Cử CBQL-GV tham gia đào tạo', 'Lê Thị Hoà', '2024-08-31'],
  ['Triển khai thanh toán học phí không dùng tiền mặt', 'Đặng Thị Kim Oanh', '2024-09-30'],
  ['Sửa chữa, cải tạo phòng tiếp PHHS', 'Đặng Thị Kim Oanh', '2024-08-31'],
  ['Tổ chức họp trực tuyến qua Zoom', 'Võ Minh Tuấn', '2024-12-31'],
  ['Áp dụng Hệ thống quản lý chất lượng theo TCVN ISO', 'Trần Thị Thu Hà', '2024-11-30'],
  ['Tập huấn ứng dụng công nghệ thông tin', 'Võ Minh Tuấn', '2024-07-03'],
  ['Cập nhật nội dung khảo sát theo Quyết định số 766', 'Bùi Thị Thanh Thúy', '2024-10-31'],
];
