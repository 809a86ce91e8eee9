// Page object for the meeting flow: what an officer and a voter do, by role and label.
import assert from 'node:assert/strict';

export const PIN = '246813';

/** The setup page at `url`, with the demo poll chosen first and the form shown with it. */
export async function openSetup(page, url) {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Chuẩn bị cuộc họp' }).waitFor();
  await page.getByLabel(/^Tổng số/).waitFor();
}

/** The setup form filled in for `title`, not yet sent. The number present is required for a
 * village meeting (issue 16); the default, 11 of 12, is a valid one. */
export async function fillSetup(page, { total = '12', present = '11', title = 'Góp tiền làm đường bê tông liên xóm' } = {}) {
  await page.getByRole('heading', { name: 'Chuẩn bị cuộc họp' }).waitFor();
  await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
  await page.getByLabel(/^Tổng số/).fill(total);
  // Those present, named for who votes: household representatives, delegates or attendees.
  await page.getByLabel(/^(Số đại diện hộ có mặt|Số đại biểu có mặt|Số người dự hội nghị)$/).fill(present);
  await page.getByLabel('Địa điểm').fill('Nhà văn hóa thôn Đồng Tâm');
  await page.getByLabel('Thời gian').fill('19 giờ 30, ngày 25 tháng 11 năm 2026');
  const board = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'];
  for (const [i, name] of board.entries()) await page.getByLabel(`Thành viên ${i + 1}`).fill(name);
  // Household witnesses watch a village meeting's count only: a council session, a staff
  // conference or a survey has none, and the form does not ask (issue 16 item 8).
  if (await page.getByLabel('Người chứng kiến 1').count()) {
    await page.getByLabel('Người chứng kiến 1').fill('Phạm Thị Dung');
    await page.getByLabel('Người chứng kiến 2').fill('Hoàng Văn Em');
  }
  await page.getByLabel('Mã PIN (6 đến 8 chữ số)').fill(PIN);
  await page.getByLabel('Nhập lại mã PIN').fill(PIN);
}

/** Fills the setup form (see `fillSetup`) and creates the meeting: the officer's console. */
export async function createMeeting(page, options = {}) {
  await fillSetup(page, options);
  await page.getByRole('button', { name: 'Tạo cuộc họp' }).click();
  await page.getByRole('heading', { name: 'Bảng điều khiển của cán bộ' }).waitFor();
}

/** The field of those present, named for who votes. */
export const presentField = (page) =>
  page.getByLabel(/^(Số đại diện hộ có mặt|Số đại biểu có mặt|Số người dự hội nghị)$/);

/** Walks one ballot of the demo poll: choose, optionally type an opinion, confirm. */
export async function castBallot(page, choice, opinion) {
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await page.getByRole('radio', { name: choice, exact: true }).click();
  if (opinion !== undefined) await page.getByLabel('Ý kiến của ông/bà').fill(opinion);
  await page.getByRole('button', { name: 'Tiếp →' }).click();
  await page.getByRole('heading', { name: 'Xem lại phiếu của ông/bà' }).waitFor();
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { name: /Phiếu của ông\/bà đã được ghi nhận/ }).waitFor();
  const receipt = await page.locator('.receipt-code').innerText();
  assert.match(receipt, /^[0-9ACDEHKMNPRTUXY]{3}(-[0-9ACDEHKMNPRTUXY]{3}){3}$/);
  return receipt;
}

/** Types the officer's full PIN on the lock screen (switching from the voter-code pad, which
 * an open sitting offers first) and unlocks: the console opens. */
export async function enterPin(page, pin = PIN) {
  await usePin(page);
  await page.getByLabel('Mã PIN của cán bộ').fill(pin);
  await page.getByRole('button', { name: 'Mở khóa' }).click();
}

/** The sitting's voter code, as the officer's console shows it (issue 22, item 4). */
export async function voterCode(page) {
  return (await page.locator('.admit-code').innerText()).trim();
}

/** Taps a code on the PIN pad's keys, one digit at a time, as an officer would. */
export async function tapCode(page, code) {
  for (const d of code) await page.locator('.pin-keys').getByRole('button', { name: d, exact: true }).click();
}

/** On the lock screen, the full PIN pad: from the voter-code pad when it shows. */
export async function usePin(page) {
  const pin = page.getByLabel('Mã PIN của cán bộ');
  const admit = page.getByLabel('Mã mời cử tri (3 số)');
  await pin.or(admit).first().waitFor();
  if (await admit.isVisible()) {
    await page.getByRole('button', { name: 'Mở bảng điều khiển (mã PIN)' }).click();
    await pin.waitFor();
  }
}

/** Runs the logic-and-accuracy test with two known ballots and opens voting. */
export async function testAndOpen(page) {
  await page.getByRole('button', { name: 'Bỏ một phiếu thử' }).click();
  await page.getByText('PHIẾU THỬ — không được tính').waitFor();
  await castBallot(page, 'Đồng ý');
  await page.getByRole('button', { name: 'Xong' }).click();
  await page.getByRole('button', { name: 'Bỏ một phiếu thử' }).click();
  await castBallot(page, 'Không đồng ý');
  await page.getByRole('button', { name: 'Xong' }).click();
  await checkTestAndOpen(page);
  await page.getByText('Đang bỏ phiếu').waitFor();
}

/** The logic-and-accuracy test with one ballot that answers anything (any poll), then open. */
export async function testAnythingAndOpen(page) {
  await page.getByRole('button', { name: 'Bỏ một phiếu thử' }).click();
  await castAnything(page);
  await checkTestAndOpen(page);
}

/** The test box read back and found to match, erased, and voting opened. */
async function checkTestAndOpen(page) {
  await page.getByRole('button', { name: 'Kiểm tra kết quả thử' }).click();
  await page.getByText('Kết quả thử khớp với phiếu đã nhập.').waitFor();
  await page.getByRole('button', { name: 'Xóa phiếu thử và mở bỏ phiếu' }).click();
}

/** From the officer's console: one voter casts, hands back, the officer unlocks. */
export async function voter(page, choice, opinion) {
  await page.getByRole('button', { name: 'Mời cử tri tiếp theo' }).click();
  const receipt = await castBallot(page, choice, opinion);
  await page.getByRole('button', { name: 'Xong' }).click();
  await page.getByRole('heading', { name: 'Xin đưa máy lại cho cán bộ' }).waitFor();
  await enterPin(page);
  await page.getByRole('heading', { name: 'Bảng điều khiển của cán bộ' }).waitFor();
  return receipt;
}

export async function castCount(page) {
  return Number(await page.locator('.big-count strong').innerText());
}

export async function closeVoting(page) {
  await page.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
  await page.getByRole('heading', { name: 'Kết thúc bỏ phiếu?' }).waitFor();
  await page.getByLabel('Nhập mã PIN để kết thúc').fill(PIN);
  await page.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
}

/** Answers the question on screen with its first choice (or its smallest number, or words). */
export async function answerOnScreen(page) {
  const radio = page.getByRole('radio').first();
  const box = page.getByRole('checkbox').first();
  const number = page.locator('input.answer-number');
  const text = page.locator('textarea.answer-text').first();
  if (await radio.count()) await radio.click();
  else if (await box.count()) await box.click();
  else if (await number.count()) await number.fill(await number.getAttribute('min'));
  else if (await text.count()) await text.fill('Ý kiến thử');
}

/** Answers whatever question is on screen with its first choice (or a number, or words) and
 * goes on, until the review screen; then confirms. Works for every item type. */
export async function castAnything(page) {
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  for (let step = 0; step < 50; step++) {
    const review = page.getByRole('heading', { name: 'Xem lại phiếu của ông/bà' });
    const next = page.getByRole('button', { name: 'Tiếp →' });
    await review.or(next).first().waitFor();
    if (await review.isVisible()) break;
    await answerOnScreen(page);
    await next.click();
  }
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { name: /đã được ghi nhận/ }).waitFor();
  await page.getByRole('button', { name: 'Xong' }).click();
}
