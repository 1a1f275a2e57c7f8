;; Collinear mass kernel (driver: collinearKernel.ts). Two events per f64x2 lane pair, the same IEEE
;; operations in the same order as the JavaScript loop in collinearMass.ts, so results are
;; bit-identical. Memory (imported, so that columns can live in it): a staging block of 4096 events,
;; column k (0..9 = ℓ px py pz E, ℓ′ px py pz E, MET px py) at byte k*32768, then a staging block for
;; the outputs (M_col at byte 327680, x at 360448), then, in memories that hold columns of their own
;; (results, or the inputs of createCollinearMassBuffers), those columns. The kernel reads each input
;; and writes each output at a byte offset it is given: the staging block or the column itself.
;;
;; Validation without a branch per event: v = (E + E′) + (pz + pz′) + (px + px′) + (py + py′) +
;; (a + b) is ±∞ or NaN whenever some input is (a non-finite value never turns finite through + and
;; × here: its product with an exact zero, MET·p⃗T(ℓ′) at pT(ℓ′) = 0, is NaN). The kernel only reports
;; whether a block holds such a v or a negative energy; the caller then looks for the offending
;; event in JavaScript (finite inputs that overflow also raise the flag, and pass that re-check).
(module
  (import "env" "memory" (memory 6))
  ;; collinear(n, useMet, massAt, xAt, axAt … myAt) → 0 if every v is finite and every energy ≥ 0,
  ;; else 1; reads input k of event i at byte kAt + 8i, writes M_col to byte massAt + 8i and x to
  ;; xAt + 8i. n must be even (the caller pads). useMet ≠ 0: pT(ν) = |MET|, else the CMS projection
  ;; |MET·p̂T(ℓ′)|.
  (func (export "collinear") (param $n i32) (param $useMet i32) (param $massAt i32) (param $xAt i32)
    (param $axAt i32) (param $ayAt i32) (param $azAt i32) (param $aeAt i32)
    (param $lxAt i32) (param $lyAt i32) (param $lzAt i32) (param $leAt i32)
    (param $mxAt i32) (param $myAt i32)
    (result i32)
    (local $o i32) (local $end i32)
    (local $ax v128) (local $ay v128) (local $az v128) (local $ae v128)
    (local $lx v128) (local $ly v128) (local $lz v128) (local $le v128)
    (local $mx v128) (local $my v128)
    (local $pt2 v128) (local $a v128) (local $den v128) (local $q v128) (local $x v128)
    (local $se v128) (local $sz v128) (local $sx v128) (local $sy v128) (local $m2 v128)
    (local $mass v128) (local $zero v128) (local $one v128) (local $sign v128)
    (local $v v128) (local $finite v128) (local $negE v128)
    (local.set $zero (v128.const f64x2 0 0))
    (local.set $one (v128.const f64x2 1 1))
    (local.set $sign (v128.const i64x2 0x8000000000000000 0x8000000000000000))
    (local.set $finite (v128.const f64x2 0 0))
    (local.set $end (i32.shl (local.get $n) (i32.const 3)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $ax (v128.load (i32.add (local.get $axAt) (local.get $o))))
        (local.set $ay (v128.load (i32.add (local.get $ayAt) (local.get $o))))
        (local.set $az (v128.load (i32.add (local.get $azAt) (local.get $o))))
        (local.set $ae (v128.load (i32.add (local.get $aeAt) (local.get $o))))
        (local.set $lx (v128.load (i32.add (local.get $lxAt) (local.get $o))))
        (local.set $ly (v128.load (i32.add (local.get $lyAt) (local.get $o))))
        (local.set $lz (v128.load (i32.add (local.get $lzAt) (local.get $o))))
        (local.set $le (v128.load (i32.add (local.get $leAt) (local.get $o))))
        (local.set $mx (v128.load (i32.add (local.get $mxAt) (local.get $o))))
        (local.set $my (v128.load (i32.add (local.get $myAt) (local.get $o))))
        (local.set $pt2 (f64x2.add (f64x2.mul (local.get $lx) (local.get $lx))
                                   (f64x2.mul (local.get $ly) (local.get $ly))))
        ;; x = a/(a + b) with a = pT(ℓ′)², b = |MET·p⃗T(ℓ′)| (projection) or a = pT(ℓ′), b = |MET|;
        ;; one division: q = 1/(a(a + b)), x = a²q, 1/x = (a + b)²q
        (if (local.get $useMet)
          (then
            (local.set $a (f64x2.sqrt (local.get $pt2)))
            (local.set $den (f64x2.add (local.get $a)
              (f64x2.sqrt (f64x2.add (f64x2.mul (local.get $mx) (local.get $mx))
                                     (f64x2.mul (local.get $my) (local.get $my)))))))
          (else
            (local.set $a (local.get $pt2))
            (local.set $den (f64x2.add (local.get $a)
              (f64x2.abs (f64x2.add (f64x2.mul (local.get $mx) (local.get $lx))
                                    (f64x2.mul (local.get $my) (local.get $ly))))))))
        (local.set $q (f64x2.div (local.get $one) (f64x2.mul (local.get $a) (local.get $den))))
        (local.set $x (f64x2.mul (f64x2.mul (local.get $a) (local.get $a)) (local.get $q)))
        (local.set $se (f64x2.add (local.get $ae) (local.get $le)))
        (local.set $sz (f64x2.add (local.get $az) (local.get $lz)))
        (local.set $sx (f64x2.add (local.get $ax) (local.get $lx)))
        (local.set $sy (f64x2.add (local.get $ay) (local.get $ly)))
        ;; M² = ((E−pz)(E+pz) − px² − py²)·(1/x); M = sign(M²)·√|M²| (signed-mass convention)
        (local.set $m2 (f64x2.mul
          (f64x2.sub (f64x2.sub
            (f64x2.mul (f64x2.sub (local.get $se) (local.get $sz)) (f64x2.add (local.get $se) (local.get $sz)))
            (f64x2.mul (local.get $sx) (local.get $sx))) (f64x2.mul (local.get $sy) (local.get $sy)))
          ;; (a + b)²q + (x − x): the second term is 0, or NaN when x is (pT(ℓ′) = 0)
          (f64x2.add (f64x2.mul (f64x2.mul (local.get $den) (local.get $den)) (local.get $q))
                     (f64x2.sub (local.get $x) (local.get $x)))))
        (local.set $mass (v128.or (f64x2.sqrt (f64x2.abs (local.get $m2)))
                                  (v128.and (local.get $m2) (local.get $sign))))
        (v128.store (i32.add (local.get $massAt) (local.get $o)) (local.get $mass))
        (v128.store (i32.add (local.get $xAt) (local.get $o)) (local.get $x))
        ;; validation: v is ±∞ or NaN iff some input is (see the header); v − v is 0 or NaN, and NaN
        ;; is sticky through the sum; negative energies are or-ed into a mask
        (local.set $v (f64x2.add (f64x2.add (f64x2.add (local.get $se) (local.get $sz))
                                            (f64x2.add (local.get $sx) (local.get $sy))) (local.get $den)))
        (local.set $finite (f64x2.add (local.get $finite) (f64x2.sub (local.get $v) (local.get $v))))
        (local.set $negE (v128.or (local.get $negE)
          (v128.or (f64x2.lt (local.get $ae) (local.get $zero)) (f64x2.lt (local.get $le) (local.get $zero)))))
        (local.set $o (i32.add (local.get $o) (i32.const 16)))
        (br $next)))
;; clean iff finite == 0 in both lanes (NaN ≠ 0) and no negative energy
    (i32.or (i32.eqz (i64x2.all_true (f64x2.eq (local.get $finite) (local.get $zero))))
            (v128.any_true (local.get $negE))))
)
