/**
 * Holds the pictures of an H.264 stream for many frames without encoding those frames: after
 * each picture of an Annex B stream, `holdPictures` inserts P frames whose every macroblock is
 * skipped (a copy of the picture before them, a dozen bytes each), and renumbers the frames
 * after them. The result is an ordinary constant-frame-rate stream: each skipped frame is a
 * reference picture like any P frame, numbered in sequence. It handles what the fast renderer's
 * x264 settings produce (one sequence and picture parameter set, CAVLC, frames only, picture
 * order derived from frame numbers) and throws on anything else.
 */

const NAL_SLICE = 1;
const NAL_IDR = 5;
const NAL_SPS = 7;
const NAL_PPS = 8;
const START_CODE = Uint8Array.of(0, 0, 0, 1);

/** What writing a skipped frame and renumbering frames needs from the parameter sets. */
interface StreamParams {
  log2MaxFrameNum: number;
  picSizeInMbs: number;
  ppsId: number;
  redundantPicCnt: boolean;
  deblockingControl: boolean;
}

class BitReader {
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  u(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const byte = this.bytes[this.pos >> 3];
      if (byte === undefined) throw new Error('h264: parameter set or slice header ends early');
      v = v * 2 + ((byte >> (7 - (this.pos & 7))) & 1);
      this.pos += 1;
    }
    return v;
  }

  ue(): number {
    let zeros = 0;
    while (this.u(1) === 0) {
      zeros += 1;
      if (zeros > 31) throw new Error('h264: bad Exp-Golomb code');
    }
    return 2 ** zeros - 1 + this.u(zeros);
  }

  se(): number {
    const k = this.ue();
    return k % 2 === 1 ? (k + 1) / 2 : -k / 2;
  }
}

class BitWriter {
  private readonly bits: number[] = [];

  u(n: number, value: number): this {
    for (let i = n - 1; i >= 0; i--) this.bits.push(Math.floor(value / 2 ** i) % 2);
    return this;
  }

  ue(value: number): this {
    const code = value + 1;
    const length = Math.floor(Math.log2(code));
    return this.u(length, 0).u(length + 1, code);
  }

  se(value: number): this {
    return this.ue(value > 0 ? 2 * value - 1 : -2 * value);
  }

  /** rbsp_trailing_bits: a one, then zeros to the byte boundary. */
  bytes(): Uint8Array {
    this.bits.push(1);
    while (this.bits.length % 8 !== 0) this.bits.push(0);
    const out = new Uint8Array(this.bits.length / 8);
    this.bits.forEach((bit, i) => {
      out[i >> 3]! |= bit << (7 - (i & 7));
    });
    return out;
  }
}

/** The NAL units of an Annex B byte stream, without their start codes. */
export function nalUnits(stream: Uint8Array): Uint8Array[] {
  const units: Uint8Array[] = [];
  let start = -1;
  let i = 0;
  while (i + 2 < stream.length) {
    if (stream[i] === 0 && stream[i + 1] === 0 && stream[i + 2] === 1) {
      if (start >= 0) units.push(trimZeros(stream.subarray(start, i)));
      i += 3;
      start = i;
    } else {
      i += 1;
    }
  }
  if (start >= 0) units.push(trimZeros(stream.subarray(start)));
  return units.filter((u) => u.length > 0);
}

/** Drops the zero bytes that belong to the next start code (trailing_zero_8bits). */
function trimZeros(unit: Uint8Array): Uint8Array {
  let end = unit.length;
  while (end > 0 && unit[end - 1] === 0) end -= 1;
  return unit.subarray(0, end);
}

/** The RBSP of a NAL unit: its bytes after the header, emulation prevention bytes removed. */
function toRbsp(unit: Uint8Array): Uint8Array {
  const out: number[] = [];
  let zeros = 0;
  for (let i = 1; i < unit.length; i++) {
    const byte = unit[i]!;
    if (zeros >= 2 && byte === 3) {
      zeros = 0;
      continue;
    }
    out.push(byte);
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return Uint8Array.from(out);
}

/** A NAL unit from its header byte and RBSP, with emulation prevention bytes inserted. */
function toNal(header: number, rbsp: Uint8Array): Uint8Array {
  const out: number[] = [header];
  let zeros = 0;
  for (const byte of rbsp) {
    if (zeros >= 2 && byte <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(byte);
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return Uint8Array.from(out);
}

const HIGH_PROFILES = new Set([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135]);

function parseSps(rbsp: Uint8Array): Pick<StreamParams, 'log2MaxFrameNum' | 'picSizeInMbs'> {
  const r = new BitReader(rbsp);
  const profile = r.u(8);
  r.u(16); // constraint flags, level_idc
  r.ue(); // seq_parameter_set_id
  if (HIGH_PROFILES.has(profile)) {
    if (r.ue() === 3) r.u(1); // chroma_format_idc, separate_colour_plane_flag
    r.ue(); // bit_depth_luma_minus8
    r.ue(); // bit_depth_chroma_minus8
    r.u(1); // qpprime_y_zero_transform_bypass_flag
    if (r.u(1) === 1) throw new Error('h264: scaling matrices are not supported');
  }
  const log2MaxFrameNum = r.ue() + 4;
  if (r.ue() !== 2) throw new Error('h264: only picture order type 2 is supported');
  r.ue(); // max_num_ref_frames
  r.u(1); // gaps_in_frame_num_value_allowed_flag
  const widthMbs = r.ue() + 1;
  const heightMbs = r.ue() + 1;
  if (r.u(1) !== 1) throw new Error('h264: only frame (not field) coding is supported');
  return { log2MaxFrameNum, picSizeInMbs: widthMbs * heightMbs };
}

function parsePps(rbsp: Uint8Array): Omit<StreamParams, 'log2MaxFrameNum' | 'picSizeInMbs'> {
  const r = new BitReader(rbsp);
  const ppsId = r.ue();
  r.ue(); // seq_parameter_set_id
  if (r.u(1) !== 0) throw new Error('h264: only CAVLC is supported');
  r.u(1); // bottom_field_pic_order_in_frame_present_flag (frames only: unused)
  if (r.ue() !== 0) throw new Error('h264: slice groups are not supported');
  r.ue(); // num_ref_idx_l0_default_active_minus1
  r.ue(); // num_ref_idx_l1_default_active_minus1
  if (r.u(1) !== 0) throw new Error('h264: weighted prediction is not supported');
  r.u(2); // weighted_bipred_idc
  r.se(); // pic_init_qp_minus26
  r.se(); // pic_init_qs_minus26
  r.se(); // chroma_qp_index_offset
  const deblockingControl = r.u(1) === 1;
  r.u(1); // constrained_intra_pred_flag
  const redundantPicCnt = r.u(1) === 1;
  return { ppsId, redundantPicCnt, deblockingControl };
}

/** A P slice, a reference picture, that skips every macroblock: a copy of the previous frame. */
function skippedFrame(params: StreamParams, frameNum: number): Uint8Array {
  const w = new BitWriter()
    .ue(0) // first_mb_in_slice
    .ue(5) // slice_type: P, as every slice of the picture
    .ue(params.ppsId)
    .u(params.log2MaxFrameNum, frameNum);
  if (params.redundantPicCnt) w.ue(0);
  w.u(1, 0) // num_ref_idx_active_override_flag
    .u(1, 0) // ref_pic_list_modification_flag_l0
    .u(1, 0) // adaptive_ref_pic_marking_mode_flag: sliding window
    .se(0); // slice_qp_delta
  if (params.deblockingControl) w.ue(1); // disable_deblocking_filter_idc
  w.ue(params.picSizeInMbs); // mb_skip_run: the whole picture
  // nal_ref_idc 2 (a reference picture), nal_unit_type 1 (a non-IDR slice).
  return toNal(0x40 | NAL_SLICE, w.bytes());
}

/** The slice with its frame_num set to `frameNum` (it is the fourth field of the header). */
function withFrameNum(unit: Uint8Array, params: StreamParams, frameNum: number): Uint8Array {
  const rbsp = toRbsp(unit);
  const r = new BitReader(rbsp);
  r.ue(); // first_mb_in_slice
  r.ue(); // slice_type
  if (r.ue() !== params.ppsId) throw new Error('h264: a slice refers to another picture parameter set');
  for (let i = 0; i < params.log2MaxFrameNum; i++) {
    const bit = Math.floor(frameNum / 2 ** (params.log2MaxFrameNum - 1 - i)) % 2;
    const at = r.pos + i;
    rbsp[at >> 3] = (rbsp[at >> 3]! & ~(1 << (7 - (at & 7)))) | (bit << (7 - (at & 7)));
  }
  return toNal(unit[0]!, rbsp);
}

/** first_mb_in_slice (at most 23 bits for the largest pictures, so the first bytes suffice). */
const firstMbInSlice = (unit: Uint8Array) => new BitReader(toRbsp(unit.subarray(0, 12))).ue();

/**
 * The Annex B stream `stream` (one picture per entry of `frames`, in order) with picture i shown
 * for `frames[i]` frames: i's own frame, then `frames[i] - 1` skipped frames. Every non-IDR
 * slice is renumbered so that frame numbers stay consecutive.
 */
export function holdPictures(stream: Uint8Array, frames: readonly number[]): Uint8Array {
  let sps: Pick<StreamParams, 'log2MaxFrameNum' | 'picSizeInMbs'> | undefined;
  let params: StreamParams | undefined;
  const out: Uint8Array[] = [];
  let pictures = 0;
  /** frame_num of the last reference picture written. */
  let frameNum = 0;
  /** Skipped frames still owed to the last picture written. */
  let owed = 0;
  const payOwed = () => {
    for (; owed > 0; owed--) {
      frameNum = (frameNum + 1) % 2 ** params!.log2MaxFrameNum;
      out.push(START_CODE, skippedFrame(params!, frameNum));
    }
  };
  for (const unit of nalUnits(stream)) {
    const type = unit[0]! & 0x1f;
    const isSlice = type === NAL_SLICE || type === NAL_IDR;
    const newPicture = isSlice && firstMbInSlice(unit) === 0;
    if (!isSlice || newPicture) payOwed();
    if (type === NAL_SPS) sps = parseSps(toRbsp(unit));
    if (type === NAL_PPS) {
      if (!sps) throw new Error('h264: picture parameter set before the sequence parameter set');
      params = { ...sps, ...parsePps(toRbsp(unit)) };
    }
    if (!isSlice) {
      out.push(START_CODE, unit);
      continue;
    }
    if (!params) throw new Error('h264: slice before the parameter sets');
    if (newPicture) {
      const hold = frames[pictures];
      if (hold === undefined || hold < 1)
        throw new Error(`h264: no hold of at least 1 frame for picture ${pictures}`);
      pictures += 1;
      owed = hold - 1;
      const isReference = unit[0]! & 0x60;
      if (type === NAL_IDR) frameNum = 0;
      else if (isReference) frameNum = (frameNum + 1) % 2 ** params.log2MaxFrameNum;
      else throw new Error('h264: non-reference pictures are not supported');
    }
    out.push(START_CODE, type === NAL_IDR ? unit : withFrameNum(unit, params, frameNum));
  }
  payOwed();
  if (pictures !== frames.length) {
    throw new Error(`h264: the stream has ${pictures} pictures for ${frames.length} holds`);
  }
  return Buffer.concat(out);
}
